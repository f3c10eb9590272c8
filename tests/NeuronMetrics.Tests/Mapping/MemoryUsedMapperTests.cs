using NeuronMetrics.Mapping;

namespace NeuronMetrics.Tests.Mapping;

public sealed class MemoryUsedMapperTests
{
    private readonly MapperHarness _harness = new(w => new MemoryUsedMapper(w));

    [Fact]
    public void Map_Inf1Shape_RuntimeHostDeviceAndPerCoreSum()
    {
        // From inf1.xlarge-all-groups.jsonl, line 1 (two cores kept).
        var samples = _harness.Map("""
            {"period":5.0001,"neuron_runtime_used_bytes":{"host":9043968,"neuron_device":3541303936,"usage_breakdown":{
              "host":{"application_memory":655360,"constants":0,"dma_buffers":8388608,"tensors":0},
              "neuroncore_memory_usage":{
                "0":{"constants":0,"model_code":100752896,"model_shared_scratchpad":0,"runtime_memory":0,"tensors":9912852},
                "1":{"constants":1,"model_code":2,"model_shared_scratchpad":3,"runtime_memory":4,"tensors":5}}}},
             "loaded_models":[],"error":""}
            """);

        MapperHarness.Describe(samples).Should().Equal(
            "NeuronRuntimeHostMemoryUsed[InstanceId=i-1] Bytes = 9043968",
            "NeuronRuntimeDeviceMemoryUsed[InstanceId=i-1] Bytes = 3541303936",
            "NeuronCoreMemoryUsed[InstanceId=i-1,NeuronCore=0] Bytes = 110665748",
            "NeuronCoreMemoryUsed[InstanceId=i-1,NeuronCore=1] Bytes = 15");
        _harness.Statistics.ValuesDropped.Should().Be(0);
    }

    [Fact]
    public void Map_NewerDeviceField_IsTheDeviceMemory()
    {
        var samples = _harness.Map("""{"neuron_runtime_used_bytes":{"host":1,"device":2}}""");

        MapperHarness.Describe(samples).Should().Equal(
            "NeuronRuntimeHostMemoryUsed[InstanceId=i-1] Bytes = 1",
            "NeuronRuntimeDeviceMemoryUsed[InstanceId=i-1] Bytes = 2");
    }

    [Fact]
    public void Map_WrongTypes_DropOnlyThoseValues()
    {
        var samples = _harness.Map("""
            {"neuron_runtime_used_bytes":{"host":"9","neuron_device":-1,"usage_breakdown":{"neuroncore_memory_usage":{
              "0":{"constants":1,"tensors":null},"1":{"constants":7},"x":{"constants":1},"2":[1]}}}}
            """);

        MapperHarness.Describe(samples).Should().Equal("NeuronCoreMemoryUsed[InstanceId=i-1,NeuronCore=1] Bytes = 7");
        _harness.Statistics.ValuesDropped.Should().Be(5); // host, device, core 0 (null), core "x", core 2 (array)
    }

    [Fact]
    public void Map_PerCoreNotSelected_SkipsTheBreakdown()
    {
        var harness = new MapperHarness(w => new MemoryUsedMapper(w), MetricSelection.Create(["NeuronRuntime*MemoryUsed"], false));

        var samples = harness.Map("""{"neuron_runtime_used_bytes":{"host":1,"usage_breakdown":{"neuroncore_memory_usage":{"0":{"tensors":"bad"}}}}}""");

        MapperHarness.Describe(samples).Should().Equal("NeuronRuntimeHostMemoryUsed[InstanceId=i-1] Bytes = 1");
        harness.Statistics.ValuesDropped.Should().Be(0);
    }

    [Fact]
    public void Map_LegacyNaming_PerCoreMemoryNamedByCore()
    {
        var harness = new MapperHarness(w => new MemoryUsedMapper(w), naming: NamingStyle.Legacy);

        var samples = harness.Map("""{"neuron_runtime_used_bytes":{"usage_breakdown":{"neuroncore_memory_usage":{"3":{"tensors":4}}}}}""");

        MapperHarness.Describe(samples).Should().Equal("NeuronCoreMemoryUsedNC3[InstanceId=i-1] Bytes = 4");
    }
}
