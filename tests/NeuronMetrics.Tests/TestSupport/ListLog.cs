using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Tests;

/// <summary>A diagnostic log that keeps every line, for assertions.</summary>
internal sealed class ListLog : IDiagnosticLog
{
    private readonly List<(LogLevel Level, string Message)> _lines = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IEnumerable<string> Messages => Lines.Select(l => l.Message);

    public bool IsEnabled(LogLevel level) => true;

    public void Write(LogLevel level, string message)
    {
        lock (_lines)
        {
            _lines.Add((level, message));
        }
    }
}
