using NeuronMetrics.Diagnostics;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Dispatch;

/// <summary>
/// Moves batches from the queue to the sink, one at a time, on its own task, and counts what became of each
/// (sent, dropped, in doubt). When the sink reports a fault nothing more can be delivered: <see cref="Halted"/>
/// fires so the pipeline stops reading, and what is left in the queue is counted as dropped without sending.
/// </summary>
public sealed class BatchDispatcher(BoundedBatchQueue queue, IMetricSink sink, PipelineStatistics statistics, IDiagnosticLog log)
{
    private readonly CancellationTokenSource _halted = new();

    /// <summary>Why the sink cannot go on (<see cref="SinkFault.None"/> while it can).</summary>
    public SinkFault Fault { get; private set; }

    /// <summary>Fires when the sink reports a fault.</summary>
    public CancellationToken Halted => _halted.Token;

    /// <summary>Runs until the queue is completed and drained, or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await queue.DequeueAsync(cancellationToken).ConfigureAwait(false) is { } batch)
        {
            int datums = batch.Batch.Data.Count;
            var result = new SinkResult(0, datums);
            try
            {
                if (Fault == SinkFault.None)
                {
                    result = await sink.SendAsync(batch, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A sink bug must not stop delivery of later batches.
                log.Write(LogLevel.Error, $"sending {datums} datums failed: {ex.GetType().Name}: {SecretScrubber.Scrub(ex.Message)}");
            }
            finally
            {
                // Also when the sink was cancelled by a throw: the batch counts as dropped then.
                Count(batch, result);
                queue.Settle();
            }

            if (result.Fault != SinkFault.None && Fault == SinkFault.None)
            {
                Fault = result.Fault;
                await _halted.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    private void Count(OutgoingBatch batch, SinkResult result)
    {
        int datums = batch.Batch.Data.Count;
        int sent = Math.Clamp(result.Sent, 0, datums);
        int inDoubt = Math.Clamp(result.InDoubt, 0, datums - sent);

        // Whatever the sink did not account for is lost. The queue already counted the datums overflow gave up;
        // if an attempt under way delivered some of them anyway, the difference is negative and corrects the count.
        int dropped = datums - sent - inDoubt;
        statistics.AddDatumsSent(sent);
        statistics.AddDatumsInDoubt(inDoubt);
        statistics.AddDatumsDropped(dropped - batch.GivenUp);
        statistics.AddRequests(result.Requests);
    }
}
