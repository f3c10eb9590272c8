using System.Text.RegularExpressions;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>What a <see cref="ScriptedHttpServer"/> standing in for CloudWatch took delivery of.</summary>
internal static partial class PutMetricDataRequests
{
    /// <summary>Datums in the PutMetricData requests answered with 200.</summary>
    public static int DeliveredDatums(IEnumerable<RecordedRequest> requests) => DatumKeys(requests).Count;

    /// <summary>One key per datum of every PutMetricData request answered with 200: name, dimensions and timestamp.</summary>
    public static IReadOnlyList<string> DatumKeys(IEnumerable<RecordedRequest> requests) =>
        [.. requests.Where(r => r.AnsweredStatus == 200).Select(r => r.BodyText()).Where(IsPutMetricData).SelectMany(DatumKeys)];

    private static bool IsPutMetricData(string body) => body.Split('&').Contains("Action=PutMetricData", StringComparer.Ordinal);

    private static IEnumerable<string> DatumKeys(string body)
    {
        var members = new SortedDictionary<int, List<string>>();
        foreach (string parameter in body.Split('&'))
        {
            var match = Member().Match(parameter);
            if (match.Success && !match.Groups[2].Value.StartsWith("Value", StringComparison.Ordinal) && !match.Groups[2].Value.StartsWith("Count", StringComparison.Ordinal))
            {
                int member = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                (members.TryGetValue(member, out var keys) ? keys : members[member] = []).Add(Uri.UnescapeDataString(parameter));
            }
        }

        return members.Values.Select(keys => string.Join('&', keys));
    }

    [GeneratedRegex(@"^MetricData\.member\.(\d+)\.([^=]+)=")]
    private static partial Regex Member();
}
