using System.Globalization;
using System.Text.Json;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>
/// One stdout line of a dry run, checked against the <c>aws cloudwatch put-metric-data
/// --cli-input-json</c> input shape (member names from the CloudWatch API model) while parsing.
/// </summary>
internal sealed record DryRunRequest(string Namespace, IReadOnlyList<DryRunDatum> MetricData)
{
    private static readonly HashSet<string> RequestMembers = ["Namespace", "MetricData", "EntityMetricData", "StrictEntityValidation"];
    private static readonly HashSet<string> DatumMembers = ["MetricName", "Dimensions", "Timestamp", "Value", "StatisticValues", "Values", "Counts", "Unit", "StorageResolution"];
    private static readonly HashSet<string> StatisticMembers = ["SampleCount", "Sum", "Minimum", "Maximum"];

    public static IReadOnlyList<DryRunRequest> ParseAll(NeuronCwResult result) => result.StdoutLines.Select(Parse).ToList();

    public static DryRunRequest Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        root.ValueKind.Should().Be(JsonValueKind.Object, line);
        root.EnumerateObject().Select(p => p.Name).Should().BeSubsetOf(RequestMembers, line);
        var data = root.GetProperty("MetricData").EnumerateArray().Select(ParseDatum).ToList();
        data.Should().NotBeEmpty(line);
        return new DryRunRequest(root.GetProperty("Namespace").GetString()!, data);
    }

    private static DryRunDatum ParseDatum(JsonElement datum)
    {
        string text = datum.GetRawText();
        datum.EnumerateObject().Select(p => p.Name).Should().BeSubsetOf(DatumMembers, text);
        var dimensions = new Dictionary<string, string>();
        foreach (var dimension in datum.GetProperty("Dimensions").EnumerateArray())
        {
            dimension.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["Name", "Value"], text);
            dimensions.Add(dimension.GetProperty("Name").GetString()!, dimension.GetProperty("Value").GetString()!);
        }

        var timestamp = DateTimeOffset.Parse(datum.GetProperty("Timestamp").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        double[]? values = datum.TryGetProperty("Values", out var v) ? v.EnumerateArray().Select(e => e.GetDouble()).ToArray() : null;
        double[]? counts = datum.TryGetProperty("Counts", out var c) ? c.EnumerateArray().Select(e => e.GetDouble()).ToArray() : null;
        double? value = datum.TryGetProperty("Value", out var single) ? single.GetDouble() : null;
        if (datum.TryGetProperty("StatisticValues", out var statistics))
        {
            statistics.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(StatisticMembers, text);
        }

        // Exactly one way of giving the value(s), as PutMetricData requires.
        new[] { values is not null, value is not null, statistics.ValueKind == JsonValueKind.Object }.Count(b => b).Should().Be(1, text);
        (values is null).Should().Be(counts is null, text);
        if (values is not null)
        {
            counts!.Length.Should().Be(values.Length, text);
        }

        return new DryRunDatum(
            datum.GetProperty("MetricName").GetString()!,
            dimensions,
            timestamp,
            datum.GetProperty("Unit").GetString()!,
            value,
            values,
            counts);
    }
}
