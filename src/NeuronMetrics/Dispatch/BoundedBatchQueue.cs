using NeuronMetrics.Diagnostics;
using NeuronMetrics.Model;

namespace NeuronMetrics.Dispatch;

/// <summary>
/// Batches waiting for the sink, bounded in datums. Enqueue never blocks (reading stdin must not
/// stall neuron-monitor); when full, the oldest batches are dropped and counted.
/// </summary>
public sealed class BoundedBatchQueue
{
    private readonly Queue<MetricBatch> _batches = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly Lock _lock = new();
    private readonly int _maxDatums;
    private readonly PipelineStatistics _statistics;
    private readonly RepeatThrottle _warnings;
    private int _datums;
    private bool _completed;

    public BoundedBatchQueue(int maxDatums, PipelineStatistics statistics, RepeatThrottle warnings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDatums, 1);
        _maxDatums = maxDatums;
        _statistics = statistics;
        _warnings = warnings;
    }

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

    public int MaxDatums => _maxDatums;

    public void Enqueue(MetricBatch batch)
    {
        long dropped = 0;
        lock (_lock)
        {
            if (_completed)
            {
                throw new InvalidOperationException("The queue is completed.");
            }

            _batches.Enqueue(batch);
            _datums += batch.Data.Count;
            while (_datums > _maxDatums && _batches.Count > 1)
            {
                var oldest = _batches.Dequeue();
                _datums -= oldest.Data.Count;
                dropped += oldest.Data.Count;
            }
        }

        // Extra signals left by dropped batches are harmless: DequeueAsync re-checks the queue.
        _available.Release();
        if (dropped > 0)
        {
            _statistics.AddDatumsDropped(dropped);
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
