using System.Globalization;
using System.Text;
using NeuronMetrics.Tests;

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

    public static string TempDirectory() => Directory.CreateTempSubdirectory("neuron-cw-ops-").FullName;
}
