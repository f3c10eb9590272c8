using System.Text.RegularExpressions;

namespace NeuronMetrics.Cli.Tests.Delivery;

/// <summary>How the delivery tests point neuron-cw at a loopback CloudWatch and read what it received.</summary>
internal static partial class Endpoint
{
    public const string AccessKey = "AKIDDELIVERYTEST";

    public static Dictionary<string, string?> Environment(Uri endpoint) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = "delivery-test-secret",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ENDPOINT_URL_CLOUDWATCH"] = endpoint.ToString(),
    };

    /// <summary>One key per datum of every PutMetricData request received: name, dimensions and timestamp.</summary>
    public static IReadOnlyList<string> DatumKeys(IEnumerable<RecordedRequest> requests) =>
        [.. requests.Where(r => r.AnsweredStatus == 200).SelectMany(r => DatumKeys(r.BodyText()))];

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
