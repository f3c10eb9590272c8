using System.Text;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Tests.Mapping;

public sealed class NeuronCoreCountersMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly PipelineStatistics _statistics = new();
    private readonly NeuronCoreCountersMapper _mapper = new();

    private List<MetricSample> Map(string groupJson, string? instanceId = "i-1")
    {
        var instance = new InstanceInfo(instanceId, null, null, null);
        Dimension[] baseDimensions = instanceId is null ? [] : [new Dimension("InstanceId", instanceId)];
        var context = new MappingContext(instance, null, baseDimensions, Now, _statistics);
        var output = new List<MetricSample>();
        _mapper.Map(new GroupSection("neuroncore_counters", Encoding.UTF8.GetBytes(groupJson), null), context, output);
        return output;
    }

    [Fact]
    public void Map_Cores_OneUtilizationSampleEach()
    {
        var samples = Map("""{"period":1.0,"neuroncores_in_use":{"0":{"neuroncore_utilization":32.5},"1":{"neuroncore_utilization":0}},"error":""}""");

        samples.Select(s => (s.Key.Name, s.Key.Unit, s.Value, s.Timestamp)).Should().Equal(
            ("NeuronCoreUtilization", "Percent", 32.5, Now),
            ("NeuronCoreUtilization", "Percent", 0.0, Now));
        samples[0].Key.Dimensions.Should().Equal(new Dimension("InstanceId", "i-1"), new Dimension("NeuronCore", "0"));
        samples[1].Key.Dimensions.Should().Equal(new Dimension("InstanceId", "i-1"), new Dimension("NeuronCore", "1"));
        samples[0].Key.Partition.Should().Be("i-1");
    }

    [Fact]
    public void Map_UnknownInstance_LeavesInstanceIdOut()
    {
        var samples = Map("""{"neuroncores_in_use":{"3":{"neuroncore_utilization":1}}}""", instanceId: null);

        samples.Should().ContainSingle().Which.Key.Dimensions.Should().Equal(new Dimension("NeuronCore", "3"));
    }

    [Fact]
    public void Map_NewerFieldsAndSubCores_AreIgnored()
    {
        var samples = Map("""
            {"neuroncores_in_use":{"0":{"effective_flops":123,"sub_cores":{"a":{"neuroncore_utilization":99}},"neuroncore_utilization":10,"flops":[1,2]}}}
            """);

        samples.Should().ContainSingle().Which.Value.Should().Be(10);
    }

    [Theory]
    [InlineData("\"12\"")]
    [InlineData("null")]
    [InlineData("-0.5")]
    [InlineData("100.01")]
    [InlineData("1e400")]
    [InlineData("{}")]
    public void Map_BadValue_IsDroppedAndCounted(string value)
    {
        var samples = Map("{\"neuroncores_in_use\":{\"0\":{\"neuroncore_utilization\":" + value + "},\"1\":{\"neuroncore_utilization\":5}}}");

        samples.Should().ContainSingle().Which.Value.Should().Be(5);
        _statistics.ValuesDropped.Should().Be(1);
    }

    [Fact]
    public void Map_NonIndexCoreKey_IsDroppedAndCounted()
    {
        var samples = Map("""{"neuroncores_in_use":{"nc-x":{"neuroncore_utilization":5},"00":{"neuroncore_utilization":6}}}""");

        samples.Should().ContainSingle().Which.Key.Dimensions[^1].Should().Be(new Dimension("NeuronCore", "0"));
        _statistics.ValuesDropped.Should().Be(1);
    }

    [Fact]
    public void Map_WrongShapes_ProduceNothing()
    {
        Map("""{"neuroncores_in_use":null}""").Should().BeEmpty();
        Map("""{"neuroncores_in_use":[1,2]}""").Should().BeEmpty();
        Map("""{"neuroncores_in_use":{"0":5}}""").Should().BeEmpty();
        Map("""{}""").Should().BeEmpty();
    }

    [Fact]
    public void Map_SameCoreAgain_ReusesTheKey()
    {
        var first = Map("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":1}}}""");
        var second = Map("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":2}}}""");

        // Same base dimension array instance → same key instance.
        first[0].Key.Should().Be(second[0].Key);
    }
}
