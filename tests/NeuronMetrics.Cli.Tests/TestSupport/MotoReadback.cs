using System.Text.Json;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>
/// Reads dashboards, alarms and the list of metrics back from moto_server with boto3 (an independent client), one
/// python process per read.
/// </summary>
internal static class MotoReadback
{
    private const string Script = """
        import json, sys
        import boto3
        url, what, arg = sys.argv[1], sys.argv[2], sys.argv[3]
        cw = boto3.client("cloudwatch", endpoint_url=url, region_name="ap-northeast-1",
                          aws_access_key_id="testing", aws_secret_access_key="testing")
        if what == "dashboard":
            print(json.dumps(cw.get_dashboard(DashboardName=arg)["DashboardBody"]))
        elif what == "alarms":
            alarms = []
            for page in cw.get_paginator("describe_alarms").paginate(AlarmNamePrefix=arg):
                alarms.extend(page["MetricAlarms"])
            print(json.dumps(alarms, default=str))
        else:
            metrics = {}
            for page in cw.get_paginator("list_metrics").paginate(Namespace=arg):
                for m in page["Metrics"]:
                    metrics[(m["Namespace"], m["MetricName"], tuple(sorted(d["Name"] for d in m["Dimensions"])))] = 1
            print(json.dumps([{"Namespace": k[0], "MetricName": k[1], "DimensionNames": list(k[2])} for k in sorted(metrics)]))
        """;

    /// <summary>GetDashboard's DashboardBody.</summary>
    public static async Task<string> DashboardBodyAsync(string url, string name) =>
        JsonSerializer.Deserialize<string>(await RunAsync(url, "dashboard", name))!;

    /// <summary>DescribeAlarms' MetricAlarms whose names start with <paramref name="prefix"/>.</summary>
    public static async Task<JsonElement[]> AlarmsAsync(string url, string prefix)
    {
        using var json = JsonDocument.Parse(await RunAsync(url, "alarms", prefix));
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>ListMetrics of a namespace: each distinct metric once (moto lists one entry per datum).</summary>
    public static async Task<IReadOnlyList<MetricReference>> MetricsAsync(string url, string metricNamespace)
    {
        using var json = JsonDocument.Parse(await RunAsync(url, "metrics", metricNamespace));
        return [.. json.RootElement.EnumerateArray().Select(m => MetricReference.Of(
            m.GetProperty("Namespace").GetString()!, m.GetProperty("MetricName").GetString()!, m.GetProperty("DimensionNames").EnumerateArray().Select(d => d.GetString()!)))];
    }

    private static Task<string> RunAsync(string url, string what, string argument) => Boto3Script.RunAsync(Script, what, url, what, argument);
}
