using System.Text;
using System.Text.Json;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Model;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Tests.Sinks;

public sealed class EmfSinkTests
{
    private static readonly DateTimeOffset Time = new(2025, 1, 2, 3, 4, 0, TimeSpan.Zero);

    private static MetricDatum Datum(string name, string core, double? value = null, double[]? values = null, double[]? counts = null, StatisticSet? stats = null, int resolution = 60) => new()
    {
        MetricName = name,
        Dimensions = [new Dimension("InstanceId", "i-1"), new Dimension("NeuronCore", core)],
        Timestamp = Time,
        Unit = MetricUnit.Percent,
        Value = value,
        Values = values,
        Counts = counts,
        StatisticValues = stats,
        StorageResolution = resolution,
    };

    private static async Task<List<JsonElement>> WriteAsync(params MetricDatum[] data)
    {
        using var output = new MemoryStream();
        SinkResult result;
        await using (var sink = new EmfSink(output, new ListLog()))
        {
            result = await sink.SendAsync(new OutgoingBatch(new MetricBatch("Neuron", "i-1", data)), default);
        }

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            EmfSpecValidator.Validate(line).Should().BeEmpty(line);
        }

        result.Should().Be(SinkResult.Delivered(data.Length, lines.Length));
        return lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
    }

    private static double[] Numbers(JsonElement root, string name) =>
        root.GetProperty(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Select(v => v.GetDouble()).ToArray() : [root.GetProperty(name).GetDouble()];

    [Fact]
    public async Task SendAsync_SameDimensionsAndTime_OneDocumentWithDirectiveAndRootMembers()
    {
        var documents = await WriteAsync(Datum("A", "0", value: 1.5), Datum("B", "0", value: 2, resolution: 1), Datum("A", "1", value: 3));

        documents.Should().HaveCount(2);
        var first = documents[0];
        var directive = first.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        first.GetProperty("_aws").GetProperty("Timestamp").GetInt64().Should().Be(Time.ToUnixTimeMilliseconds());
        directive.GetProperty("Namespace").GetString().Should().Be("Neuron");
        directive.GetProperty("Dimensions")[0].EnumerateArray().Select(e => e.GetString()).Should().Equal("InstanceId", "NeuronCore");
        directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()).Should().Equal("A", "B");
        directive.GetProperty("Metrics")[1].GetProperty("StorageResolution").GetInt32().Should().Be(1);
        directive.GetProperty("Metrics")[0].TryGetProperty("StorageResolution", out _).Should().BeFalse();
        first.GetProperty("NeuronCore").GetString().Should().Be("0");
        first.GetProperty("A").GetDouble().Should().Be(1.5);
        documents[1].GetProperty("NeuronCore").GetString().Should().Be("1");
    }

    [Fact]
    public async Task SendAsync_ValuesWithCounts_ExpandedWithoutLosingSamplesAtMost100PerDocument()
    {
        var documents = await WriteAsync(Datum("U", "0", values: [10, 20, 30], counts: [1, 150, 2]));

        documents.Should().HaveCount(2);
        var samples = documents.SelectMany(d => Numbers(d, "U")).ToList();
        samples.Should().HaveCount(153);
        samples.Count(v => v == 20).Should().Be(150);
        samples.Count(v => v == 30).Should().Be(2);
        Numbers(documents[0], "U").Should().HaveCount(100);
    }

    [Fact]
    public async Task SendAsync_StatisticSet_SamplesKeepCountSumMinMax()
    {
        var stats = new StatisticSet(SampleCount: 12, Sum: 600, Minimum: 5, Maximum: 95);

        var documents = await WriteAsync(Datum("U", "0", stats: stats));

        var samples = Numbers(documents.Single(), "U");
        samples.Should().HaveCount(12);
        samples.Sum().Should().BeApproximately(600, 1e-9);
        samples.Min().Should().Be(5);
        samples.Max().Should().Be(95);
    }

    [Fact]
    public async Task SendAsync_MoreThan100Metrics_SplitIntoDocumentsOf100()
    {
        var data = Enumerable.Range(0, 250).Select(i => Datum($"M{i}", "0", value: i)).ToArray();

        var documents = await WriteAsync(data);

        documents.Select(d => d.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").GetArrayLength()).Should().Equal(100, 100, 50);
    }

    [Fact]
    public async Task SendAsync_NoDimensions_EmptyDimensionSet()
    {
        var datum = Datum("A", "0", value: 1) with { Dimensions = [] };

        var documents = await WriteAsync(datum);

        documents.Single().GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Dimensions")[0].GetArrayLength().Should().Be(0);
    }
}
