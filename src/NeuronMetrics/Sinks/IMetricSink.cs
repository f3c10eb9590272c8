using NeuronMetrics.Model;

namespace NeuronMetrics.Sinks;

/// <summary>
/// Where finished batches go: CloudWatch, dry-run JSON, EMF, or memory.
/// Calls are sequential (one batch at a time) from the dispatcher.
/// A sink reports delivery failures through its own diagnostics and statistics; it throws only
/// when cancelled.
/// </summary>
public interface IMetricSink : IAsyncDisposable
{
    Task SendAsync(MetricBatch batch, CancellationToken cancellationToken);
}
