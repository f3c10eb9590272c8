namespace NeuronMetrics.Cli;

/// <summary>A setup step found something that cannot work: one error line, then exit with <see cref="ExitCode"/> before stdin is read.</summary>
internal sealed class StartupException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
