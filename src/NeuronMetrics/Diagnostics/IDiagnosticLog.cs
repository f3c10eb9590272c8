namespace NeuronMetrics.Diagnostics;

/// <summary>One-line diagnostics for people (stderr in the CLI). Messages never carry secrets.</summary>
public interface IDiagnosticLog
{
    bool IsEnabled(LogLevel level);

    void Write(LogLevel level, string message);
}
