namespace NeuronMetrics.TestSupport;

/// <summary>Finds files of the repository (samples, monitor.conf) from the test output folder.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    public static string At(string relative) => Path.Combine(Root, relative);

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
