using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.TestSupport;

/// <summary>A diagnostic log that keeps every line at or above <paramref name="minimum"/> (info: as the CLI by default), for assertions.</summary>
public sealed class ListLog(LogLevel minimum = LogLevel.Info) : IDiagnosticLog
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

    public bool IsEnabled(LogLevel level) => level >= minimum;

    public void Write(LogLevel level, string message)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add((level, message));
        }
    }
}
