using NeuronMetrics.Aggregation;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Pipeline;

/// <summary>
/// Hands finished intervals from the aggregator to the batcher and the queue, and writes the stats line: the periodic
/// work of a run, on whichever thread owns the aggregator's output (a timer, or the aggregating thread).
/// </summary>
internal sealed class IntervalFlusher(PipelineStages stages)
{
    public void WriteStats() => stages.Log.Write(LogLevel.Info, StatisticsLine.Format("stats", stages.Statistics, stages.Queue.PendingDatums));

    /// <summary>Flushes sealed intervals at once (input faster than real time filled one), to keep memory flat.</summary>
    public void FlushIfSealed()
    {
        if (stages.Aggregator.HasSealedIntervals)
        {
            stages.Statistics.AddEarlyFlush();
            Flush(all: false);
        }
    }

    /// <summary>Flushes the intervals that have ended (and sealed ones), or everything held when <paramref name="all"/>.</summary>
    public void Flush(bool all) => Flush(all ? null : stages.Clock.GetUtcNow());

    /// <summary>Flushes the intervals ended by <paramref name="now"/> (and sealed ones), or everything held when it is null.</summary>
    public void Flush(DateTimeOffset? now)
    {
        var datums = new List<PartitionedDatum>();
        if (now is { } time)
        {
            stages.Aggregator.FlushCompleted(time, datums);
        }
        else
        {
            stages.Aggregator.FlushAll(datums);
        }

        if (datums.Count == 0)
        {
            return;
        }

        stages.Statistics.AddDatums(datums.Count);
        var batches = stages.Batcher.Batch(datums);
        foreach (var batch in batches)
        {
            // After an outage the batcher packs a new batch into the last one still waiting, so the backlog goes out in full requests.
            stages.Queue.Enqueue(batch, stages.Batcher.TryJoin);
        }

        if (stages.Log.IsEnabled(LogLevel.Debug))
        {
            stages.Log.Write(LogLevel.Debug, $"flush: {datums.Count} datums in {batches.Count} batch(es); buffer holds {stages.Queue.PendingDatums} datums, {stages.Queue.PendingBytes} bytes");
        }
    }
}
