using System.Text;
using System.Text.Json;
using NeuronMetrics.Mapping;

namespace NeuronMetrics.Tests.Mapping;

/// <summary>The fast path for compact neuroncores_in_use: same samples, drops and errors as the token-by-token reading.</summary>
public sealed class CoreUtilizationReaderTests
{
    private static (List<string> Samples, long Dropped, string? Error) Map(string groupJson)
    {
        var harness = new MapperHarness(w => new NeuronCoreCountersMapper(w), MetricSelection.Create(["NeuronCoreUtilization", "NeuronCoreUtilizationAverage"], false));
        try
        {
            var samples = harness.Map(groupJson);
            var ended = new List<MetricSample>();
            harness.Mapper.EndReport(harness.Context, ended);
            return ([.. MapperHarness.Describe(samples.Concat(ended))], harness.Statistics.ValuesDropped, null);
        }
        catch (JsonException ex)
        {
            return ([], harness.Statistics.ValuesDropped, $"{ex.GetType().Name} line {ex.LineNumber}");
        }
    }

    /// <summary>The same group with a space after every ':' (valid, not the fast shape): read token by token.</summary>
    private static string Spaced(string json) => json.Replace(":", ": ", StringComparison.Ordinal);

    [Theory]
    [InlineData("""{"period":1.0,"neuroncores_in_use":{"0":{"neuroncore_utilization":32.5},"1":{"neuroncore_utilization":0},"17":{"neuroncore_utilization":100}},"error":""}""")]
    [InlineData("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":-1},"1":{"neuroncore_utilization":100.5},"2":{"neuroncore_utilization":0.000001}}}""")]
    [InlineData("""{"neuroncores_in_use":{"3":{"neuroncore_utilization":1.25},"3":{"neuroncore_utilization":2.5}},"neuroncores_in_use":{"4":{"neuroncore_utilization":9}}}""")]
    [InlineData("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":1e1},"01":{"neuroncore_utilization":2},"99999":{"neuroncore_utilization":3}}}""")]
    [InlineData("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":12345678901234567890},"1":{"neuroncore_utilization":7,"flops":1}}}""")]
    [InlineData("""{"neuroncores_in_use":{},"error":"x"}""")]
    public void Map_CompactOrNot_SameSamplesAndDrops(string json)
    {
        Map(json).Should().BeEquivalentTo(Map(Spaced(json)), o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":01}}}""")]
    [InlineData("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":1.}}}""")]
    [InlineData("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":-}}}""")]
    [InlineData("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":1}}x}""")]
    [InlineData("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":1},}}""")]
    [InlineData("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":1}},"error":}""")]
    [InlineData("{\"neuroncores_in_use\":{\"0\":{\"neuroncore_utilization\":1}},\n\"x\":[}")]
    public void Map_InvalidJson_SameErrorAsTokenByToken(string json)
    {
        var fast = Map(json);

        fast.Error.Should().NotBeNull();
        fast.Should().BeEquivalentTo(Map(Spaced(json)), o => o.WithStrictOrdering());
    }

    [Fact]
    public void TryRead_UsualShape_ReadsEveryCoreAndEndsPastTheObject()
    {
        var json = Encoding.UTF8.GetBytes("""{"a":{"0":{"neuroncore_utilization":11.799649},"31":{"neuroncore_utilization":0}},"b":1}""");
        var found = new List<(string, int, double)>();

        CoreUtilizationReader.TryRead(json, 5, found, out int end).Should().BeTrue();

        found.Should().Equal(("0", 0, 11.799649), ("31", 31, 0.0));
        end.Should().Be(json.Length - 7);
    }
}
