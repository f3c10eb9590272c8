using System.Globalization;
using System.Text;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>Report streams built from the repository's samples, and the paths tests need.</summary>
internal static class OpsInputs
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    /// <summary>
    /// The 12 inf1.xlarge reports (4 NeuronCores) once per instance, each copy with its own instance id: one
    /// PutMetricData batch per instance, 4 datums each with --aggregation values.
    /// </summary>
    public static string ReportsForInstances(int instances)
    {
        var lines = File.ReadAllLines(Sample("inf1.xlarge-neuroncore.jsonl"));
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

    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "neuron-cw-ops-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NeuronMetrics.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
