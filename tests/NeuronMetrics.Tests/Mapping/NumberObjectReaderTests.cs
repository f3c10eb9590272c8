using System.Text;
using System.Text.Json;
using NeuronMetrics.Mapping;

namespace NeuronMetrics.Tests.Mapping;

/// <summary>
/// The fast path for compact objects of numbers, as execution_stats uses it (error and execution summaries, latency
/// percentiles): same samples, drops and errors as the token-by-token reading.
/// </summary>
public sealed class NumberObjectReaderTests
{
    private static (List<string> Samples, long Dropped, string? Error) Map(string groupJson)
    {
        var harness = new MapperHarness(
            w => new ExecutionStatsMapper(w), MetricSelection.Create(["Execution*", "ExecutionErrorsByKind", "DeviceLatency*"], false));
        try
        {
            return ([.. MapperHarness.Describe(harness.Map(groupJson))], harness.Statistics.ValuesDropped, null);
        }
        catch (JsonException ex)
        {
            return ([], harness.Statistics.ValuesDropped, $"{ex.GetType().Name} line {ex.LineNumber}");
        }
    }

    /// <summary>The same group with a space after every ':' (valid, not the fast shape): read token by token.</summary>
    private static string Spaced(string json) => json.Replace(":", ": ", StringComparison.Ordinal);

    private static string Group(string errors, string summary, string latency) =>
        "{\"period\":1.0,\"error_summary\":" + errors + ",\"execution_summary\":" + summary + ",\"latency_stats\":" + latency + ",\"error\":\"\"}";

    [Theory]
    [InlineData("""{"generic":0,"numerical":1,"transient":0,"model":0,"runtime":2,"hardware":0}""", """{"completed":206,"completed_with_err":0,"completed_with_num_err":0,"timed_out":3,"incorrect_input":0,"failed_to_queue":0}""", """{"total_latency":{"p0":0.010227,"p1":0.011606,"p25":0.012469,"p50":0.013536,"p75":0.014936,"p99":0.015093,"p100":0.016427},"device_latency":{"p0":0.009812,"p50":0.011977,"p100":0.01524}}""")]
    [InlineData("""{"generic":-1,"numerical":2}""", """{"completed":-1,"timed_out":2}""", """{"total_latency":{"p50":-0.5,"p99":1},"device_latency":{"p50":2}}""")]
    [InlineData("""{"generic":"x","numerical":null}""", """{"completed":null,"timed_out":"2","failed_to_queue":[1]}""", """{"total_latency":{"p50":null,"p99":{}},"device_latency":null}""")]
    [InlineData("""{"future_kind":4,"Bad Kind":1,"UPPER":2,"a_very_long_error_kind_name_over_32":1}""", """{"other":2,"completed":1}""", """{"device_latency":{"p42":3,"p50":2},"other":{"p50":1}}""")]
    [InlineData("""{"gen\u0065ric":1,"x\u00e9":3}""", """{"complet\u0065d":1}""", """{"tot\u0061l_latency":{"p50":1},"device_latency":{"p5\u0030":2}}""")]
    [InlineData("""{"":2}""", """{"completed":1}""", """{"total_latency":{"":1}}""")]
    [InlineData("""{"generic":1e3}""", """{"completed":1E2}""", """{"total_latency":{"p50":1.5e-3}}""")]
    [InlineData("""{"numerical":12345678901234567890}""", """{"completed":0.1,"completed":0.2}""", """{"total_latency":{"p50":0.30000000000000004,"p50":1}}""")]
    [InlineData("""{"generic":0.1,"numerical":0.2,"runtime":0.3}""", """{}""", """{"total_latency":{},"device_latency":{"p50":0},"other":{"p50":1}}""")]
    [InlineData("""{}""", """null""", """null""")]
    [InlineData("""null""", """[]""", """{}""")]
    [InlineData("""7""", """{"completed":1}""", """{"total_latency":7}""")]
    [InlineData("""{"generic":1}""", """{"completed":1}""", """{"total_latency":{"p0":1,"p50":2,"p99":3},"device_latency":{"p0":4,"p5\u0030":5,"p99":6}}""")]
    [InlineData("""{"generic":1}""", """{"completed":1}""", """{"total_latency":{"p0":1,"p50":2,"p99":3},"device_latency":{"p99":4,"p50":5}}""")]
    [InlineData("""{"generic":1}""", """{"completed":1}""", """{"total_latency":{"p0":1,"p50":2},"device_latency":{"p0":4,"p50":5,"p99":6,"p100":7}}""")]
    [InlineData("""{"generic":1}""", """{"completed":1}""", """{"total_latency":{"p0":1,"p50":2},"device_latency":"x","total_latency":{"p0":3,"p50":4}}""")]
    public void Map_CompactOrNot_SameSamplesAndDrops(string errors, string summary, string latency)
    {
        Map(Group(errors, summary, latency)).Should().BeEquivalentTo(Map(Spaced(Group(errors, summary, latency))), o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData("""{"generic":01}""", """{}""", """{}""")]
    [InlineData("""{}""", """{"completed":1.}""", """{}""")]
    [InlineData("""{}""", """{"completed":1}x""", """{}""")]
    [InlineData("""{"generic":1,}""", """{}""", """{}""")]
    [InlineData("""{}""", """{}""", """{"total_latency":{"p50":1}x}""")]
    [InlineData("""{}""", """{}""", """{"total_latency":{"p50":1,}}""")]
    [InlineData("""{}""", """{"completed":1}""", "{\"total_latency\":{\"p50\":1}}\n,\"x\":[}")]
    [InlineData("""{}""", """{"completed":1}""", "{\"total_latency\":{\"p50\":1},\"device_latency\":{\"p\u00010\":1}}")]
    [InlineData("""{}""", """{"completed":1}""", "{\"total_latency\":{\"p50\":1},\"device_latency\":{\"p50\"")]
    public void Map_InvalidJson_SameErrorAsTokenByToken(string errors, string summary, string latency)
    {
        var fast = Map(Group(errors, summary, latency));

        fast.Error.Should().NotBeNull();
        fast.Should().BeEquivalentTo(Map(Spaced(Group(errors, summary, latency))), o => o.WithStrictOrdering());
    }

    [Fact]
    public void TryRead_UsualShape_ReadsEveryFieldAndEndsPastTheObject()
    {
        var json = Encoding.UTF8.GetBytes("""{"a":{"p0":0.010227,"completed":206},"b":1}""");
        var found = new List<NumberField>();

        NumberObjectReader.TryRead(json, 5, found, out int end).Should().BeTrue();

        found.Should().Equal(
            new NumberField(new Range(7, 9), new Range(11, 19), 0.010227),
            new NumberField(new Range(21, 30), new Range(32, 35), 206));
        end.Should().Be(json.Length - 7);
    }

    [Theory]
    [InlineData("""{"a":{"p0": 1},"b":1}""")]
    [InlineData("""{"a":{"p0":-1},"b":1}""")]
    [InlineData("""{"a":{"p0":1e1},"b":1}""")]
    [InlineData("""{"a":{"p\u0030":1},"b":1}""")]
    [InlineData("""{"a":{"p0":null},"b":1}""")]
    public void TryRead_UnusualShape_FalseForTheReader(string text)
    {
        NumberObjectReader.TryRead(Encoding.UTF8.GetBytes(text), 5, [], out _).Should().BeFalse();
    }
}
