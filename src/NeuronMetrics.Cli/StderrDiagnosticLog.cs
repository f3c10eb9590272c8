using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Cli;

/// <summary>Diagnostics as one line each on stderr, prefixed with the program name and level.</summary>
internal sealed class StderrDiagnosticLog(TextWriter error, LogLevel minimum) : IDiagnosticLog
{
    private readonly Lock _lock = new();

    public bool IsEnabled(LogLevel level) => level >= minimum;

    public void Write(LogLevel level, string message)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        // One physical line per message, whatever the message holds.
        string line = $"neuron-cw: {Label(level)}: {message.ReplaceLineEndings(" ")}";
        lock (_lock)
        {
            error.WriteLine(line);
            error.Flush();
        }
    }

    internal static string Label(LogLevel level) => level switch
    {
        LogLevel.Debug => "debug",
        LogLevel.Info => "info",
        LogLevel.Warning => "warning",
        _ => "error",
    };
}
