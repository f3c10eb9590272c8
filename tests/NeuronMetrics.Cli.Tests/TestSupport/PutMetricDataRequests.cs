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

    /// <summary>
    /// Datums expected from the inf1.xlarge sample (4 cores, no timestamps: stamped on arrival): 4 per minute its
    /// reports were read in, which is 2 minutes when a run on a loaded machine reads across a minute boundary.
    /// </summary>
    public static int ExpectedSampleDatums(IEnumerable<RecordedRequest> requests, int cores = 4) =>
        cores * DatumKeys(requests).Select(key => TimestampOf().Match(key).Value).Distinct(StringComparer.Ordinal).Count();

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

    [GeneratedRegex(@"Timestamp=[^&]+")]
    private static partial Regex TimestampOf();

    [GeneratedRegex(@"^MetricData\.member\.(\d+)\.([^=]+)=")]
    private static partial Regex Member();
}
