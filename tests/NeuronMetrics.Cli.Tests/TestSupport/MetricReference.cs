using System.Text.Json;
using System.Text.RegularExpressions;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>
/// A metric named by a dashboard or an alarm, read from the generated text by patterns written here (not by the
/// generator's code): a SEARCH expression's schema and MetricName, a Metrics Insights query's SCHEMA and function
/// argument, or an alarm's MetricName, Namespace and Dimensions. Dimension names are a sorted set, as CloudWatch
/// identifies a metric.
/// </summary>
internal sealed record MetricReference(string Namespace, string Name, string DimensionNames)
{
    private static readonly Regex Search = new("""SEARCH\('\{(?<schema>[^}]*)\} MetricName="(?<name>[^"]+)"', '(?<stat>\w+)', (?<period>\d+)\)""", RegexOptions.CultureInvariant);

    private static readonly Regex Query = new("""^SELECT (?<fn>[A-Z]+)\((?<name>\w+)\) FROM SCHEMA\("(?<ns>[^"]+)"(?<dims>(, \w+)*)\)( WHERE .*)?$""", RegexOptions.CultureInvariant);

    public static MetricReference Of(string metricNamespace, string name, IEnumerable<string> dimensionNames) =>
        new(metricNamespace, name, string.Join(",", dimensionNames.Order(StringComparer.Ordinal)));

    /// <summary>Every SEARCH of every metric widget of a DashboardBody.</summary>
    public static IReadOnlyList<MetricReference> FromDashboardBody(string body)
    {
        using var json = JsonDocument.Parse(body);
        var found = new List<MetricReference>();
        foreach (var widget in json.RootElement.GetProperty("widgets").EnumerateArray().Where(w => w.GetProperty("type").GetString() == "metric"))
        {
            foreach (var line in widget.GetProperty("properties").GetProperty("metrics").EnumerateArray())
            {
                string expression = line[0].GetProperty("expression").GetString()!;
                var matches = Search.Matches(expression);
                matches.Should().NotBeEmpty($"'{expression}' holds a SEARCH");
                foreach (Match match in matches)
                {
                    var schema = match.Groups["schema"].Value.Split(',').Select(s => s.Trim('"')).ToList();
                    found.Add(Of(schema[0], match.Groups["name"].Value, schema.Skip(1)));
                }
            }
        }

        return found;
    }

    /// <summary>The metric of one put-metric-alarm document (a metric alarm or a Metrics Insights query alarm).</summary>
    public static MetricReference FromAlarm(JsonElement alarm)
    {
        if (alarm.TryGetProperty("Metrics", out var metrics) && metrics.GetArrayLength() > 0)
        {
            string expression = metrics[0].GetProperty("Expression").GetString()!;
            var match = Query.Match(expression);
            match.Success.Should().BeTrue($"'{expression}' is a Metrics Insights query");
            return Of(match.Groups["ns"].Value, match.Groups["name"].Value, match.Groups["dims"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return Of(
            alarm.GetProperty("Namespace").GetString()!,
            alarm.GetProperty("MetricName").GetString()!,
            alarm.GetProperty("Dimensions").EnumerateArray().Select(d => d.GetProperty("Name").GetString()!));
    }
}
