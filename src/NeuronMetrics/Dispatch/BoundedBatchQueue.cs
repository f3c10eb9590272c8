using NeuronMetrics.Diagnostics;
using NeuronMetrics.Model;

namespace NeuronMetrics.Dispatch;

/// <summary>
/// Batches waiting for the sink, bounded in datums and in bytes (<see cref="DatumFootprint"/>). Enqueue never
/// blocks (reading stdin must not stall neuron-monitor). Past either bound the oldest datums are given up, datum
/// by datum, so the buffer stays at its bound: first those of the batch being sent (the oldest; the sink drops
/// them from its next attempt), then those of the oldest waiting batches. Every datum given up is counted as
/// dropped when it is given up; the dispatcher corrects the count if an attempt already under way delivered it.
/// </summary>
public sealed class BoundedBatchQueue
{
    private readonly Queue<WaitingBatch> _batches = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly Lock _lock = new();
    private readonly PipelineStatistics _statistics;
    private readonly RepeatThrottle _warnings;
    private readonly Action _retried;
    private WaitingBatch? _last;
    private int _datums;
    private long _bytes;
    private bool _completed;
    private OutgoingBatch? _inFlight;
    private int _inFlightDatums;
    private long _inFlightBytes;

    public BoundedBatchQueue(int maxDatums, long maxBytes, PipelineStatistics statistics, RepeatThrottle warnings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDatums, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        MaxDatums = maxDatums;
        MaxBytes = maxBytes;
        _statistics = statistics;
        _warnings = warnings;
        _retried = statistics.AddRetry;
    }

    public int MaxDatums { get; }

    public long MaxBytes { get; }

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

    /// <summary>Datums waiting plus those of the batch being sent not given up: everything not yet delivered or dropped.</summary>
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

    /// <summary>The estimated memory of <see cref="PendingDatums"/>; at most <see cref="MaxBytes"/>.</summary>
    public long PendingBytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes + _inFlightBytes;
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="batch"/>. When <paramref name="joinWithLast"/> is given it may combine the last waiting
    /// batch and the new one into one request (the Batching stage decides; it is called under the queue's lock and
    /// returns null when they cannot share a request).
    /// </summary>
    public void Enqueue(MetricBatch batch, Func<MetricBatch, MetricBatch, MetricBatch?>? joinWithLast = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        long dropped;
        bool added = false;
        bool datumBound;
        lock (_lock)
        {
            if (_completed)
            {
                throw new InvalidOperationException("The queue is completed.");
            }

            long bytes = DatumFootprint.Of(batch.Data);
            if (_last is not null && joinWithLast?.Invoke(_last.Batch, batch) is { } joined)
            {
                _last.Batch = joined;
                _last.Bytes += bytes;
            }
            else
            {
                _last = new WaitingBatch(batch, bytes);
                _batches.Enqueue(_last);
                added = true;
            }

            _datums += batch.Data.Count;
            _bytes += bytes;
            datumBound = _datums + _inFlightDatums > MaxDatums;
            dropped = GiveUpOldestLocked();
        }

        // Extra signals (batches dropped before being taken) are harmless: DequeueAsync re-checks the queue.
        if (added)
        {
            _available.Release();
        }

        if (dropped > 0)
        {
            _statistics.AddDatumsDropped(dropped);
            string bound = datumBound ? $"{MaxDatums} datums" : $"{MaxBytes} bytes";
            _warnings.Write(LogLevel.Warning, "buffer-full", $"send buffer full ({bound}): dropped the oldest {dropped} datums");
        }
    }

    /// <summary>The next batch with its displacement state, or null once the queue is completed and empty.</summary>
    public async ValueTask<OutgoingBatch?> DequeueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_lock)
            {
                if (_batches.TryDequeue(out var next))
                {
                    _datums -= next.Batch.Data.Count;
                    _bytes -= next.Bytes;
                    if (ReferenceEquals(next, _last))
                    {
                        _last = null;
                    }

                    _inFlight = new OutgoingBatch(next.Batch, _retried);
                    _inFlightDatums = next.Batch.Data.Count;
                    _inFlightBytes = next.Bytes;
                    return _inFlight;
                }

                if (_completed)
                {
                    return null;
                }
            }

            await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The batch being sent is finished with (its result is counted by the dispatcher).</summary>
    public void Settle()
    {
        lock (_lock)
        {
            _inFlight = null;
            _inFlightDatums = 0;
            _inFlightBytes = 0;
        }
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

    /// <summary>Empties the queue (shutdown timeout) and returns how many datums were waiting in it.</summary>
    public int Clear()
    {
        lock (_lock)
        {
            int datums = _datums;
            _batches.Clear();
            _last = null;
            _datums = 0;
            _bytes = 0;
            return datums;
        }
    }

    /// <summary>Gives up the oldest datums until both bounds hold; returns how many.</summary>
    private long GiveUpOldestLocked()
    {
        long dropped = 0;
        while (_datums + _inFlightDatums > MaxDatums || _bytes + _inFlightBytes > MaxBytes)
        {
            int excessDatums = Math.Max(0, _datums + _inFlightDatums - MaxDatums);
            long excessBytes = Math.Max(0, _bytes + _inFlightBytes - MaxBytes);
            if (_inFlight is { } sending && _inFlightDatums > 0)
            {
                var data = sending.Batch.Data;
                int start = data.Count - _inFlightDatums;
                int count = DatumFootprint.Oldest(data, start, excessDatums, excessBytes, out long bytes);
                sending.GiveUp(count);
                _inFlightDatums -= count;
                _inFlightBytes = _inFlightDatums == 0 ? 0 : Math.Max(0, _inFlightBytes - bytes);
                dropped += count;
                continue;
            }

            var oldest = _batches.Peek();
            int n = DatumFootprint.Oldest(oldest.Batch.Data, 0, excessDatums, excessBytes, out long oldestBytes);
            if (n == oldest.Batch.Data.Count)
            {
                _batches.Dequeue();
                _bytes -= oldest.Bytes;
                if (ReferenceEquals(oldest, _last))
                {
                    _last = null;
                }
            }
            else
            {
                oldest.Batch = oldest.Batch with { Data = [.. oldest.Batch.Data.Skip(n)] };
                oldest.Bytes -= oldestBytes;
                _bytes -= oldestBytes;
            }

            _datums -= n;
            dropped += n;
        }

        return dropped;
    }
}
