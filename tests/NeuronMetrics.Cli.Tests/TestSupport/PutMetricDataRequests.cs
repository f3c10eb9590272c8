
namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>What a <see cref="ScriptedHttpServer"/> standing in for CloudWatch took delivery of.</summary>
internal static class PutMetricDataRequests
{
    /// <summary>Datums in the PutMetricData requests answered with 200.</summary>
    public static int DeliveredDatums(IEnumerable<RecordedRequest> requests) => requests
        .Where(r => r.AnsweredStatus == 200)
        .Select(r => r.BodyText())
        .Where(body => body.Contains("Action=PutMetricData", StringComparison.Ordinal))
        .Sum(CountDatums);

    private static int CountDatums(string body) =>
        body.Split('&').Count(p => p.StartsWith("MetricData.member.", StringComparison.Ordinal) && p.Contains(".MetricName=", StringComparison.Ordinal));
}
