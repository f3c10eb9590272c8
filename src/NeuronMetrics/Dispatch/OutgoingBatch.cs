using NeuronMetrics.Model;

namespace NeuronMetrics.Dispatch;

/// <summary>
/// The batch being sent, shared by the queue and the sink. While a sink retries it through an outage, buffer
/// overflow may give up its oldest datums (datum by datum, oldest first): the sink sends <see cref="Remaining"/>
/// on its next attempt, and stops once <see cref="Displaced"/> fires (every datum given up).
/// </summary>
public sealed class OutgoingBatch
{
    private readonly CancellationTokenSource _displaced = new();
    private readonly Action? _retried;
    private int _givenUp;

    /// <param name="batch">The batch as it was dequeued.</param>
    /// <param name="retried">Called for each retry the sink makes (the dispatch stage counts them as they happen).</param>
    public OutgoingBatch(MetricBatch batch, Action? retried = null)
    {
        Batch = batch;
        _retried = retried;
    }

    /// <summary>The batch as it was dequeued; a sink's result accounts for all of its datums.</summary>
    public MetricBatch Batch { get; }

    /// <summary>How many of the oldest datums overflow has given up so far.</summary>
    public int GivenUp => Volatile.Read(ref _givenUp);

    /// <summary>Fires when overflow has given up every datum of the batch.</summary>
    public CancellationToken Displaced => _displaced.Token;

    /// <summary>The datums still wanted: the batch without the given-up ones.</summary>
    public MetricBatch Remaining()
    {
        int givenUp = GivenUp;
        return givenUp == 0 ? Batch : Batch with { Data = [.. Batch.Data.Skip(givenUp)] };
    }

    /// <summary>The sink is about to retry the batch.</summary>
    public void CountRetry() => _retried?.Invoke();

    /// <summary>Gives up the next <paramref name="datums"/> oldest datums (the queue calls this under its lock).</summary>
    internal void GiveUp(int datums)
    {
        int givenUp = Interlocked.Add(ref _givenUp, datums);
        if (givenUp >= Batch.Data.Count)
        {
            // Callbacks run on the thread pool: never the sink's continuation on the enqueuing thread, under the queue's lock.
            _ = _displaced.CancelAsync();
        }
    }
}
