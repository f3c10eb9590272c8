using NeuronMetrics.Mapping;

namespace NeuronMetrics.Tests.Mapping;

public sealed class FieldTableMapperTests
{
    private readonly MapperHarness _harness = new(w => FieldTableMapper.RuntimeVcpuUsage(w));

    [Fact]
    public void Map_UserAndSystem_PercentPerRuntime()
    {
        var samples = _harness.Map("""{"period":5.0001,"vcpu_usage":{"user":24.8,"system":3.06},"error":""}""");

        MapperHarness.Describe(samples).Should().Equal(
            "NeuronRuntimeVcpuUser[InstanceId=i-1] Percent = 24.8",
            "NeuronRuntimeVcpuSystem[InstanceId=i-1] Percent = 3.06");
    }

    [Fact]
    public void Map_BadValues_DroppedAndCounted()
    {
        var samples = _harness.Map("""{"vcpu_usage":{"user":"24.8","system":1e999,"idle":5}}""");

        samples.Should().BeEmpty();
        _harness.Statistics.ValuesDropped.Should().Be(2);
        _harness.Map("""{"vcpu_usage":null}""").Should().BeEmpty();
    }
}
