using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Cli;

/// <summary>The stderr log for a <c>--log-format</c> and <c>--log-level</c>.</summary>
internal static class DiagnosticLogs
{
    private static readonly Lazy<StderrWriter> Stderr = new(StderrWriter.Open);

    public static IDiagnosticLog Create(LogFormat format, LogLevel minimum, TimeProvider clock) => format == LogFormat.Json
        ? new JsonLinesDiagnosticLog(Stderr.Value, minimum, clock)
        : new StderrDiagnosticLog(Stderr.Value, minimum);
}
