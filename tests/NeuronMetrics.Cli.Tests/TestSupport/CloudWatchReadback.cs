using System.Text.Json;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>
/// Reads a namespace back from moto_server with boto3 (ListMetrics, then GetMetricStatistics per
/// metric with SampleCount/Sum/Minimum/Maximum, period 60 over [now-10 min, now+10 min], summed
/// over the datapoints). One python process per read keeps it fast.
/// </summary>
internal static class CloudWatchReadback
{
    public const string Region = "ap-northeast-1";

    private const string Script = """
        import datetime, json, sys
        import boto3
        url, namespace = sys.argv[1], sys.argv[2]
        cw = boto3.client("cloudwatch", endpoint_url=url, region_name="ap-northeast-1",
                          aws_access_key_id="testing", aws_secret_access_key="testing")
        now = datetime.datetime.now(datetime.timezone.utc)
        metrics = {}
        for page in cw.get_paginator("list_metrics").paginate(Namespace=namespace):
            for m in page["Metrics"]:
                # moto lists a metric once per stored datum: de-duplicate
                metrics[(m["MetricName"], tuple(sorted((d["Name"], d["Value"]) for d in m["Dimensions"])))] = m
        out = []
        for (name, dims), m in sorted(metrics.items()):
            points = cw.get_metric_statistics(
                Namespace=namespace, MetricName=name, Dimensions=m["Dimensions"],
                StartTime=now - datetime.timedelta(minutes=10), EndTime=now + datetime.timedelta(minutes=10),
                Period=60, Statistics=["SampleCount", "Sum", "Minimum", "Maximum"])["Datapoints"]
            out.append({
                "MetricName": name, "Dimensions": dict(dims), "Datapoints": len(points),
                "Units": sorted({p.get("Unit", "") for p in points}),
                "SampleCount": sum(p["SampleCount"] for p in points), "Sum": sum(p["Sum"] for p in points),
                "Minimum": min((p["Minimum"] for p in points), default=None),
                "Maximum": max((p["Maximum"] for p in points), default=None)})
        print(json.dumps(out))
        """;

    public static async Task<IReadOnlyList<MetricStatistics>> ReadAsync(string endpointUrl, string metricNamespace) =>
        JsonSerializer.Deserialize<List<MetricStatistics>>(await Boto3Script.RunAsync(Script, "readback", endpointUrl, metricNamespace))!;
}
