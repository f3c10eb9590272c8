using System.Collections.Concurrent;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.CloudWatch.Tests.Fakes;

internal sealed class RecordingLog : IDiagnosticLog
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    public bool IsEnabled(LogLevel level) => true;

    public void Write(LogLevel level, string message) => Lines.Enqueue((level, message));
}
