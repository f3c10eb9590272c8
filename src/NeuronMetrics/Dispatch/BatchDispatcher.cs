using NeuronMetrics.Diagnostics;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Dispatch;

/// <summary>Moves batches from the queue to the sink, one at a time, on its own task.</summary>
public sealed class BatchDispatcher(BoundedBatchQueue queue, IMetricSink sink, PipelineStatistics statistics, IDiagnosticLog log)
{
    /// <summary>Runs until the queue is completed and drained, or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await queue.DequeueAsync(cancellationToken).ConfigureAwait(false) is { } batch)
        {
            // Linked token: shutdown, or buffer overflow displacing this batch while the sink retries it.
            var displaced = queue.InFlightDisplaced;
            using var send = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, displaced);
            try
            {
                await sink.SendAsync(batch, send.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                statistics.AddDatumsDropped(batch.Data.Count);
                throw;
            }
            catch (OperationCanceledException) when (displaced.IsCancellationRequested)
            {
                // The queue already warned; the count is ours because only we know the sink gave the batch up.
                statistics.AddDatumsDropped(batch.Data.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A sink bug must not stop delivery of later batches.
                statistics.AddDatumsDropped(batch.Data.Count);
                log.Write(LogLevel.Error, $"sending {batch.Data.Count} datums failed: {ex.GetType().Name}: {ex.Message}");
            }
            finally
            {
                queue.Settle();
            }
        }
    }
}
