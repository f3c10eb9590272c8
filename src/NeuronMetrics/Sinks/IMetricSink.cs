using NeuronMetrics.Dispatch;

namespace NeuronMetrics.Sinks;

/// <summary>
/// Where finished batches go: CloudWatch, dry-run JSON or EMF. Calls are sequential (one batch at a time)
/// from the dispatcher. A sink says what became of each batch in its <see cref="SinkResult"/> and writes its own
/// diagnostics; it never updates the pipeline statistics (the dispatcher counts). It does not throw for delivery
/// failures, and returns rather than throws when cancelled at shutdown when it can tell what was sent.
/// </summary>
public interface IMetricSink : IAsyncDisposable
{
    Task<SinkResult> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken);
}
