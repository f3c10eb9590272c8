using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Aggregation;

/// <summary>
/// Collects samples into fixed intervals aligned to the clock (floor of the sample time) and turns
/// each finished interval into datums: samples of the same metric within one interval become one
/// datum (or several when they have more than 150 distinct values). Thread-safe: the reader adds,
/// the flush timer drains.
/// Memory stays bounded however fast reports arrive (a replayed file is read far faster than one
/// report a second): when one metric of an interval holds <see cref="MaxEntriesPerMetric"/> distinct
/// values (or samples in None mode), that interval is sealed — it is emitted at the next flush,
/// before its time, and later samples of the same interval start a new set, sent as extra datums
/// with the same timestamp (CloudWatch adds them up).
/// </summary>
public sealed class MetricAggregator
{
    /// <summary>Default seal bound: one full datum's worth of values per metric; live neuron-monitor (≤ 1 report/s) never reaches it in a minute.</summary>
    public const int DefaultMaxEntriesPerMetric = PutMetricDataLimits.MaxValuesPerDatum;

    /// <summary>
    /// Default bound on the bytes of accumulators and interval dictionaries kept for reuse (<see cref="MaxPooledBytes"/>):
    /// about 1,100 accumulators of a live minute (60 distinct values each), or 330 grown to the seal bound. Past it,
    /// emitted ones are left to the GC, so a burst of distinct series or long value arrays does not stay in memory.
    /// </summary>
    public const long DefaultMaxPooledBytes = 2L * 1024 * 1024;

    private readonly SortedDictionary<long, Dictionary<MetricKey, MetricAccumulator>> _intervals = [];
    private readonly List<(long Start, Dictionary<MetricKey, MetricAccumulator> Metrics)> _sealed = [];
    private readonly Lock _lock = new();

    // Emitted intervals give their dictionaries and accumulators back for reuse.
    private readonly AccumulatorPool _pool;
    private readonly List<MetricDatum> _emitted = [];
    private readonly long _intervalTicks;
    private readonly AggregationMode _mode;
    private readonly int _storageResolution;
    private readonly int _maxValuesPerDatum;
    private readonly int _maxEntriesPerMetric;

    // The open interval of the previous sample: consecutive samples almost always share it, and then need neither
    // the division of IntervalStart nor a lookup in the sorted dictionary. Null whenever intervals are taken out.
    private Dictionary<MetricKey, MetricAccumulator>? _current;
    private long _currentStart;

    public MetricAggregator(
        TimeSpan interval,
        AggregationMode mode,
        int storageResolution = 60,
        int maxValuesPerDatum = PutMetricDataLimits.MaxValuesPerDatum,
        int maxEntriesPerMetric = DefaultMaxEntriesPerMetric,
        long maxPooledBytes = DefaultMaxPooledBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxPooledBytes);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxValuesPerDatum, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxValuesPerDatum, PutMetricDataLimits.MaxValuesPerDatum);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntriesPerMetric, 1);
        _intervalTicks = interval.Ticks;
        _mode = mode;
        _storageResolution = storageResolution;
        _maxValuesPerDatum = maxValuesPerDatum;
        _maxEntriesPerMetric = maxEntriesPerMetric;
        _pool = new AccumulatorPool(maxPooledBytes);
    }

    public TimeSpan Interval => TimeSpan.FromTicks(_intervalTicks);

    /// <summary>Distinct values (Values mode) or samples (None mode) of one metric at which its interval is sealed.</summary>
    public int MaxEntriesPerMetric => _maxEntriesPerMetric;

    /// <summary>Bytes of emptied accumulators and interval dictionaries kept for reuse, at most (see <see cref="PooledBytes"/>).</summary>
    public long MaxPooledBytes => _pool.MaxBytes;

    /// <summary>Distinct values or samples currently held, over all metrics and intervals (what memory grows with).</summary>
    internal int PendingEntries => SumHeld(Entries);

    /// <summary>True when a sealed interval waits for the next flush; the reader flushes at once to keep memory flat.</summary>
    public bool HasSealedIntervals
    {
        get
        {
            lock (_lock)
            {
                return _sealed.Count > 0;
            }
        }
    }

    /// <summary>Managed bytes kept for reuse: the pooled accumulators' and interval dictionaries' buffers at their capacity.</summary>
    internal long PooledBytes
    {
        get
        {
            lock (_lock)
            {
                return _pool.Bytes;
            }
        }
    }

    /// <summary>Metrics currently held (across open intervals).</summary>
    public int PendingMetrics => SumHeld(metrics => metrics.Count);

    public void Add(List<MetricSample> samples)
    {
        lock (_lock)
        {
            foreach (var sample in samples)
            {
                long start = _currentStart;
                var metrics = _current;
                if (metrics is null || (ulong)(sample.Timestamp.UtcTicks - start) >= (ulong)_intervalTicks)
                {
                    start = IntervalStart(sample.Timestamp);
                    if (!_intervals.TryGetValue(start, out metrics))
                    {
                        metrics = _pool.RentInterval();
                        _intervals[start] = metrics;
                    }

                    _current = metrics;
                    _currentStart = start;
                }

                if (!metrics.TryGetValue(sample.Key, out var accumulator))
                {
                    accumulator = _pool.RentAccumulator();
                    metrics[sample.Key] = accumulator;
                }

                accumulator.Add(sample.Value, sample.Timestamp, _mode);
                if (accumulator.Holds(_maxEntriesPerMetric))
                {
                    _sealed.Add((start, metrics));
                    _intervals.Remove(start);
                    _current = null;
                }
            }
        }
    }

    /// <summary>Emits every sealed interval and every interval that has ended by <paramref name="now"/>.</summary>
    public void FlushCompleted(DateTimeOffset now, List<PartitionedDatum> output)
    {
        long current = IntervalStart(now);
        lock (_lock)
        {
            _current = null;
            EmitSealed(output);
            while (_intervals.Count > 0)
            {
                var (start, metrics) = _intervals.First();
                if (start >= current)
                {
                    break;
                }

                Emit(start, metrics, output);
                _intervals.Remove(start);
            }
        }
    }

    /// <summary>Emits everything held, finished or not (end of input, shutdown).</summary>
    public void FlushAll(List<PartitionedDatum> output)
    {
        lock (_lock)
        {
            _current = null;
            EmitSealed(output);
            foreach (var (start, metrics) in _intervals)
            {
                Emit(start, metrics, output);
            }

            _intervals.Clear();
        }
    }

    private int SumHeld(Func<Dictionary<MetricKey, MetricAccumulator>, int> measure)
    {
        lock (_lock)
        {
            int total = 0;
            foreach (var (_, metrics) in _sealed)
            {
                total += measure(metrics);
            }

            foreach (var metrics in _intervals.Values)
            {
                total += measure(metrics);
            }

            return total;
        }
    }

    private static int Entries(Dictionary<MetricKey, MetricAccumulator> metrics)
    {
        int entries = 0;
        foreach (var accumulator in metrics.Values)
        {
            entries += accumulator.Entries;
        }

        return entries;
    }

    private void EmitSealed(List<PartitionedDatum> output)
    {
        foreach (var (start, metrics) in _sealed)
        {
            Emit(start, metrics, output);
        }

        _sealed.Clear();
    }

    private void Emit(long start, Dictionary<MetricKey, MetricAccumulator> metrics, List<PartitionedDatum> output)
    {
        var intervalStart = new DateTimeOffset(start, TimeSpan.Zero);
        var datums = _emitted;
        foreach (var (key, accumulator) in metrics)
        {
            datums.Clear();
            accumulator.Emit(new MetricDatumTemplate(key, _storageResolution), intervalStart, _mode, _maxValuesPerDatum, datums);
            foreach (var datum in datums)
            {
                output.Add(new PartitionedDatum(key.Partition, datum));
            }

            _pool.Return(accumulator);
        }

        datums.Clear();
        _pool.Return(metrics);
    }

    private long IntervalStart(DateTimeOffset time)
    {
        long ticks = time.UtcTicks;
        return ticks - (ticks % _intervalTicks);
    }
}
