using NeuronMetrics.Mapping;

namespace NeuronMetrics.Aggregation;

/// <summary>
/// Emptied accumulators and interval dictionaries kept for the next intervals, so steady state allocates only datums.
/// Bounded in bytes (<see cref="ManagedSize"/> estimates of their buffers at capacity): past the bound a returned one
/// is left to the GC, so a burst of distinct series or long value arrays does not stay in memory. Not thread-safe:
/// the aggregator's lock guards it.
/// </summary>
internal sealed class AccumulatorPool(long maxBytes)
{
    /// <summary>Interval dictionaries kept (an open and a sealed interval are the usual).</summary>
    private const int MaxIntervals = 4;

    /// <summary>Dictionary fields: five references, a 64-bit multiplier, four ints.</summary>
    private const int DictionaryFields = (5 * 8) + 8 + (4 * 4);

    /// <summary>A dictionary entry: hash code, next index, key and value references.</summary>
    private const int DictionaryEntryBytes = 4 + 4 + 8 + 8;

    private readonly Stack<Dictionary<MetricKey, MetricAccumulator>> _intervals = new();
    private readonly Stack<MetricAccumulator> _accumulators = new();

    public long MaxBytes => maxBytes;

    /// <summary>Bytes held now: at most <see cref="MaxBytes"/>.</summary>
    public long Bytes { get; private set; }

    public Dictionary<MetricKey, MetricAccumulator> RentInterval()
    {
        if (!_intervals.TryPop(out var metrics))
        {
            return [];
        }

        Bytes -= RetainedBytes(metrics);
        return metrics;
    }

    public MetricAccumulator RentAccumulator()
    {
        if (!_accumulators.TryPop(out var accumulator))
        {
            return new MetricAccumulator();
        }

        Bytes -= accumulator.RetainedBytes;
        return accumulator;
    }

    /// <summary>Empties <paramref name="accumulator"/> and keeps it if it fits.</summary>
    public void Return(MetricAccumulator accumulator)
    {
        accumulator.Reset();
        if (TryCount(accumulator.RetainedBytes))
        {
            _accumulators.Push(accumulator);
        }
    }

    /// <summary>Empties <paramref name="metrics"/> (its accumulators already returned) and keeps it if it fits.</summary>
    public void Return(Dictionary<MetricKey, MetricAccumulator> metrics)
    {
        metrics.Clear();
        if (_intervals.Count < MaxIntervals && TryCount(RetainedBytes(metrics)))
        {
            _intervals.Push(metrics);
        }
    }

    private bool TryCount(long bytes)
    {
        if (Bytes + bytes > maxBytes)
        {
            return false;
        }

        Bytes += bytes;
        return true;
    }

    /// <summary>An interval dictionary's object, buckets and entries at its capacity.</summary>
    private static long RetainedBytes(Dictionary<MetricKey, MetricAccumulator> metrics)
    {
        int capacity = metrics.EnsureCapacity(0);
        return ManagedSize.Object(DictionaryFields) + ManagedSize.Array(capacity, sizeof(int)) + ManagedSize.Array(capacity, DictionaryEntryBytes);
    }
}
