using NeuronMetrics.Mapping;

namespace NeuronMetrics.Tests.Mapping;

public sealed class SystemGroupMapperTests
{
    [Fact]
    public void VcpuUsage_AverageUsage_UserAndSystem()
    {
        var harness = new MapperHarness(w => FieldTableMapper.VcpuUsage(w));

        // From inf1.xlarge-all-groups.jsonl, line 1 (usage_data shortened).
        var samples = harness.Map("""
            {"period":5.0,"average_usage":{"user":28.37,"nice":0,"system":5.05,"idle":66.38,"io_wait":0.1,"irq":0,"soft_irq":0.1},
             "usage_data":{"0":{"user":99,"system":99}},"context_switch_count":190177,"error":""}
            """);

        MapperHarness.Describe(samples).Should().Equal(
            "SystemVcpuUser[InstanceId=i-1] Percent = 28.37",
            "SystemVcpuSystem[InstanceId=i-1] Percent = 5.05");
    }

    [Fact]
    public void VcpuUsage_IoWaitSelected_AndOutOfRangeDropped()
    {
        var harness = new MapperHarness(w => FieldTableMapper.VcpuUsage(w), MetricSelection.Create(["SystemVcpu*"], false));

        var samples = harness.Map("""{"average_usage":{"user":101,"system":5,"io_wait":0.1}}""");

        MapperHarness.Describe(samples).Should().Equal(
            "SystemVcpuSystem[InstanceId=i-1] Percent = 5",
            "SystemVcpuIoWait[InstanceId=i-1] Percent = 0.1");
        harness.Statistics.ValuesDropped.Should().Be(1);
    }

    [Fact]
    public void MemoryInfo_UsedByDefault_TotalsWhenSelected()
    {
        const string Group = """{"period":5.0,"memory_total_bytes":8025300992,"memory_used_bytes":7254392832,"swap_total_bytes":0,"swap_used_bytes":0,"error":""}""";

        var byDefault = new MapperHarness(w => FieldTableMapper.MemoryInfo(w)).Map(Group);
        var all = new MapperHarness(w => FieldTableMapper.MemoryInfo(w), MetricSelection.Create(["System*Memory*", "SystemSwap*"], false)).Map(Group);

        MapperHarness.Describe(byDefault).Should().Equal(
            "SystemMemoryUsed[InstanceId=i-1] Bytes = 7254392832",
            "SystemSwapUsed[InstanceId=i-1] Bytes = 0");
        MapperHarness.Describe(all).Should().Equal(
            "SystemMemoryTotal[InstanceId=i-1] Bytes = 8025300992",
            "SystemMemoryUsed[InstanceId=i-1] Bytes = 7254392832",
            "SystemSwapTotal[InstanceId=i-1] Bytes = 0",
            "SystemSwapUsed[InstanceId=i-1] Bytes = 0");
    }

    [Fact]
    public void MemoryInfo_WrongType_Dropped()
    {
        var harness = new MapperHarness(w => FieldTableMapper.MemoryInfo(w));

        harness.Map("""{"memory_used_bytes":{"v":1},"swap_used_bytes":3}""").Should().ContainSingle().Which.Value.Should().Be(3);
        harness.Statistics.ValuesDropped.Should().Be(1);
    }

    [Fact]
    public void HardwareCounters_PerDevice_MemPlusSram()
    {
        var harness = new MapperHarness(w => new HardwareCountersMapper(w));

        var samples = harness.Map("""
            {"period":5.0,"neuron_devices":[
              {"neuron_device_index":0,"mem_ecc_corrected":0,"mem_ecc_uncorrected":0,"sram_ecc_uncorrected":0,"sram_ecc_corrected":0},
              {"mem_ecc_corrected":2,"mem_ecc_uncorrected":1,"sram_ecc_uncorrected":0,"sram_ecc_corrected":3,"neuron_device_index":15}],
             "error":""}
            """);

        MapperHarness.Describe(samples).Should().Equal(
            "NeuronDeviceEccCorrected[InstanceId=i-1,NeuronDevice=0] Count = 0",
            "NeuronDeviceEccUncorrected[InstanceId=i-1,NeuronDevice=0] Count = 0",
            "NeuronDeviceEccCorrected[InstanceId=i-1,NeuronDevice=15] Count = 5",
            "NeuronDeviceEccUncorrected[InstanceId=i-1,NeuronDevice=15] Count = 1");
    }

    [Fact]
    public void HardwareCounters_WrongTypes_DropThatSumOrDevice()
    {
        var harness = new MapperHarness(w => new HardwareCountersMapper(w));

        var samples = harness.Map("""
            {"neuron_devices":[
              {"neuron_device_index":1,"mem_ecc_corrected":"2","sram_ecc_corrected":1,"mem_ecc_uncorrected":4},
              {"neuron_device_index":"2","mem_ecc_corrected":1,"mem_ecc_uncorrected":1},
              7, null]}
            """);

        MapperHarness.Describe(samples).Should().Equal("NeuronDeviceEccUncorrected[InstanceId=i-1,NeuronDevice=1] Count = 4");
        harness.Statistics.ValuesDropped.Should().Be(3); // device 1 corrected, device "2" both
    }
}
