using System.Globalization;
using System.Text;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>Report streams built from the repository's samples, and scratch folders.</summary>
internal static class OpsInputs
{
    /// <summary>
    /// The 12 inf1.xlarge reports (4 NeuronCores) once per instance, each copy with its own instance id: one
    /// PutMetricData batch per instance, 4 datums each with --aggregation values.
    /// </summary>
    public static string ReportsForInstances(int instances)
    {
        var lines = File.ReadAllLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl"));
        var text = new StringBuilder();
        for (var i = 0; i < instances; i++)
        {
            string id = "i-" + i.ToString("x17", CultureInfo.InvariantCulture);
            foreach (var line in lines)
            {
                text.Append(line.Replace("i-0123456789abcdef0", id, StringComparison.Ordinal)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// <paramref name="count"/> reports of one inf1.xlarge instance whose core 0 utilization differs in every
    /// report: read faster than real time, each 150 of them fill an interval (150 distinct values), which is
    /// then sent at once as its own batch of 4 datums.
    /// </summary>
    public static string DistinctReportsForOneInstance(int count)
    {
        string line = File.ReadLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")).First();
        var report = System.Text.Json.Nodes.JsonNode.Parse(line)!;
        var core0 = report["neuron_runtime_data"]![0]!["report"]!["neuroncore_counters"]!["neuroncores_in_use"]!["0"]!;
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            core0["neuroncore_utilization"] = i / 10.0;
            text.Append(report.ToJsonString()).Append('\n');
        }

        return text.ToString();
    }

    public static string TempDirectory() => Directory.CreateTempSubdirectory("neuron-cw-ops-").FullName;
}
