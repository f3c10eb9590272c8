using System.Text;
using System.Text.Json;
using NeuronMetrics.Mapping;

namespace NeuronMetrics.Tests.Mapping;

/// <summary>The fast path for compact neuroncore_memory_usage: same samples, drops and errors as the token-by-token reading.</summary>
public sealed class CoreMemoryReaderTests
{
    private static (List<string> Samples, long Dropped, string? Error) Map(string groupJson)
    {
        var harness = new MapperHarness(w => new MemoryUsedMapper(w), MetricSelection.Create(["NeuronCoreMemoryUsed", "NeuronRuntimeHostMemoryUsed"], false));
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

    private static string Group(string cores, string after = "") =>
        "{\"period\":1.0,\"neuron_runtime_used_bytes\":{\"host\":9108066,\"usage_breakdown\":{\"host\":{\"a\":1},\"neuroncore_memory_usage\":" + cores + after + "}},\"error\":\"\"}";

    [Theory]
    [InlineData("""{"0":{"constants":0,"model_code":100754945,"tensors":10178094},"1":{"constants":1.5,"model_code":2}}""")]
    [InlineData("""{"0":{"constants":-1,"model_code":2},"1":{"model_code":3}}""")]
    [InlineData("""{"0":{"constants":"x","model_code":2},"1":{"model_code":null},"2":{}}""")]
    [InlineData("""{"0":7,"01":{"a":1},"99999":{"a":2},"3":{"a":1e3}}""")]
    [InlineData("""{"0":{"a":0.1,"b":0.2,"c":0.3},"0":{"a":12345678901234567890}}""")]
    [InlineData("""{"0":{"a\u0062":1}}""")]
    [InlineData("""{}""")]
    [InlineData("""{"0":{"a":1,"bb":2,"c":3},"1":{"a":4,"bb":5,"c":6},"2":{"bb":7,"a":8},"3":{"a":9,"b":1,"bb":2,"c":3,"d":4}}""")]
    [InlineData("""{"0":{"a":1,"b":2},"1":{"a":3,"b\u0062":4},"2":{"a":5,"b":6}}""")]
    [InlineData("""{"0":{"ab":1,"cd":2},"1":{"ab":3,"c\"d":4}}""")]
    [InlineData("""{"0":{"c1":1,"c2":2,"c3":3,"c4":4,"c5":5,"c6":6,"c7":7,"c8":8,"c9":9,"c10":10},"1":{"c1":1,"c2":2,"c3":3,"c4":4,"c5":5,"c6":6,"c7":7,"c8":8,"c9":9,"c10":10}}""")]
    public void Map_CompactOrNot_SameSamplesAndDrops(string cores)
    {
        Map(Group(cores)).Should().BeEquivalentTo(Map(Spaced(Group(cores))), o => o.WithStrictOrdering());
        Map(Group(cores, ",\"neuroncore_memory_usage\":{\"5\":{\"a\":5}}")).Should().BeEquivalentTo(
            Map(Spaced(Group(cores, ",\"neuroncore_memory_usage\":{\"5\":{\"a\":5}}"))), o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData("""{"0":{"a":01}}""")]
    [InlineData("""{"0":{"a":1.}}""")]
    [InlineData("""{"0":{"a":1}x}""")]
    [InlineData("""{"0":{"a":1},}""")]
    [InlineData("""{"0":{"a":1,}}""")]
    [InlineData("{\"0\":{\"a\":1}}\n,\"x\":[}")]
    [InlineData("{\"0\":{\"ab\":1},\"1\":{\"a\u0001\":2}}")]
    [InlineData("{\"0\":{\"ab\":1},\"1\":{\"ab\":2,\"a\tb\":3}}")]
    [InlineData("{\"0\":{\"ab\":1},\"1\":{\"ab\"")]
    public void Map_InvalidJson_SameErrorAsTokenByToken(string cores)
    {
        var fast = Map(Group(cores));

        fast.Error.Should().NotBeNull();
        fast.Should().BeEquivalentTo(Map(Spaced(Group(cores))), o => o.WithStrictOrdering());
    }

    [Fact]
    public void TryRead_UsualShape_SumsEachCoreAndEndsPastTheObject()
    {
        var json = Encoding.UTF8.GetBytes("""{"m":{"0":{"constants":1,"model_code":100754945,"tensors":0.5},"12":{"x":2}},"b":1}""");
        var found = new List<(string, double)>();

        CoreMemoryReader.TryRead(json, 5, found, out int end).Should().BeTrue();

        found.Should().Equal(("0", 100754946.5), ("12", 2.0));
        end.Should().Be(json.Length - 7);
    }
}
