using System.Text;

namespace NeuronMetrics.Benchmarks;

/// <summary>Repository files the benchmarks read (found from the build output folder).</summary>
internal static class BenchmarkInputs
{
    public static string Root { get; } = FindRoot();

    /// <summary>The first report of the trn1.32xlarge sample: 2 runtimes, 32 cores, 128 vCPUs, every group (~21 KB).</summary>
    public static byte[] Trn1Report()
    {
        string line = File.ReadLines(Path.Combine(Root, "samples", "trn1.32xlarge-two-runtimes.jsonl")).First(l => l.Length > 0);
        return Encoding.UTF8.GetBytes(line + "\n");
    }

    public static string AllGroupsConfig => Path.Combine(Root, "samples", "monitor-all-groups.conf");

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
