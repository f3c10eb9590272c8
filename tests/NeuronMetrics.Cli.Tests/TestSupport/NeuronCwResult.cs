namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>What a finished <c>neuron-cw</c> run left behind.</summary>
internal sealed record NeuronCwResult(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> StdoutLines => SplitLines(Stdout);

    public IReadOnlyList<string> StderrLines => SplitLines(Stderr);

    /// <summary>Everything the process wrote, for "must not contain" checks.</summary>
    public string AllOutput => Stdout + "\n" + Stderr;

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";

    private static string[] SplitLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
