namespace NeuronMetrics.Diagnostics;

public sealed class NullDiagnosticLog : IDiagnosticLog
{
    public static readonly NullDiagnosticLog Instance = new();

    public bool IsEnabled(LogLevel level) => false;

    public void Write(LogLevel level, string message)
    {
    }
}
