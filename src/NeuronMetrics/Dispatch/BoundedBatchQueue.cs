using NeuronMetrics.Batching;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Model;

namespace NeuronMetrics.Dispatch;

/// <summary>
/// Batches waiting for the sink, bounded in datums. Enqueue never blocks (reading stdin must not
/// stall neuron-monitor); when full, the oldest batches are dropped and counted.
/// The batch being sent (the last one dequeued, until <see cref="Settle"/>) still counts toward the
/// bound and is the oldest: when an overflow reaches it, <see cref="InFlightDisplaced"/> fires so a
/// sink retrying through an outage gives it up (the dispatcher counts it as dropped).
/// With a <see cref="BatchMerger"/>, a dequeue joins the batches waiting behind the first one into
/// one full request when they can share it (the backlog after an outage).
/// </summary>
public sealed class BoundedBatchQueue
{
    private readonly Queue<MetricBatch> _batches = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly Lock _lock = new();
    private readonly int _maxDatums;
    private readonly PipelineStatistics _statistics;
    private readonly RepeatThrottle _warnings;
    private readonly BatchMerger? _merger;
    private int _datums;
    private bool _completed;
    private int _inFlightDatums;
    private CancellationTokenSource? _inFlight;

    public BoundedBatchQueue(int maxDatums, PipelineStatistics statistics, RepeatThrottle warnings, BatchMerger? merger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDatums, 1);
        _maxDatums = maxDatums;
        _statistics = statistics;
        _warnings = warnings;
        _merger = merger;
    }

    /// <summary>Datums waiting in the queue (not counting the batch being sent).</summary>
    public int BufferedDatums
    {
        get
        {
            lock (_lock)
            {
                return _datums;
            }
        }
    }

    /// <summary>Datums waiting plus the batch being sent: everything not yet delivered or dropped.</summary>
    public int PendingDatums
    {
        get
        {
            lock (_lock)
            {
                return _datums + _inFlightDatums;
            }
        }
    }

    /// <summary>Fires when buffer overflow displaces the batch being sent; <see cref="CancellationToken.None"/> when nothing is in flight.</summary>
    public CancellationToken InFlightDisplaced
    {
        get
        {
            lock (_lock)
            {
                return _inFlight?.Token ?? CancellationToken.None;
            }
        }
    }

    public int MaxDatums => _maxDatums;

    public void Enqueue(MetricBatch batch)
    {
        long dropped = 0;
        CancellationTokenSource? displaced = null;
        lock (_lock)
        {
            if (_completed)
            {
                throw new InvalidOperationException("The queue is completed.");
            }

            _batches.Enqueue(batch);
            _datums += batch.Data.Count;
            if (_inFlight is not null && _datums + _inFlightDatums > _maxDatums)
            {
                // The batch being sent is the oldest: give it up first.
                displaced = _inFlight;
                _inFlight = null;
                dropped += _inFlightDatums;
                _inFlightDatums = 0;
            }

            while (_datums > _maxDatums && _batches.Count > 1)
            {
                var oldest = _batches.Dequeue();
                _datums -= oldest.Data.Count;
                dropped += oldest.Data.Count;
                _statistics.AddDatumsDropped(oldest.Data.Count);
            }
        }

        // The displaced in-flight batch is counted by the dispatcher, once the sink has let go of it.
        displaced?.Cancel();

        // Extra signals left by dropped batches are harmless: DequeueAsync re-checks the queue.
        _available.Release();
        if (dropped > 0)
        {
            _warnings.Write(LogLevel.Warning, "buffer-full", $"send buffer full ({_maxDatums} datums): dropped the oldest {dropped} datums");
        }
    }

    /// <summary>The next batch, or null once the queue is completed and empty.</summary>
    public async ValueTask<MetricBatch?> DequeueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_lock)
            {
                if (_batches.TryDequeue(out var batch))
                {
                    _datums -= batch.Data.Count;
                    batch = JoinWaitingLocked(batch);
                    SettleLocked();
                    _inFlight = new CancellationTokenSource();
                    _inFlightDatums = batch.Data.Count;
                    return batch;
                }

                if (_completed)
                {
                    return null;
                }
            }

            await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private MetricBatch JoinWaitingLocked(MetricBatch first)
    {
        if (_merger is null || _batches.Count == 0)
        {
            return first;
        }

        _merger.Begin(first);
        while (_batches.TryPeek(out var next) && _merger.TryAdd(next))
        {
            _batches.Dequeue();
            _datums -= next.Data.Count;
        }

        return _merger.Build();
    }

    /// <summary>The batch being sent is finished with (delivered, or dropped and counted by whoever dropped it).</summary>
    public void Settle()
    {
        lock (_lock)
        {
            SettleLocked();
        }
    }

    private void SettleLocked()
    {
        _inFlight?.Dispose();
        _inFlight = null;
        _inFlightDatums = 0;
    }

    /// <summary>No more batches will come; the consumer drains what is left.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
        }

        _available.Release();
    }

    /// <summary>Empties the queue (shutdown timeout) and returns how many datums were in it.</summary>
    public int Clear()
    {
        lock (_lock)
        {
            int datums = _datums;
            _batches.Clear();
            _datums = 0;
            return datums;
        }
    }
}
