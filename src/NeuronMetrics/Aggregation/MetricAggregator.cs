using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Aggregation;

/// <summary>
/// Collects samples into fixed intervals aligned to the clock (floor of the sample time) and turns
/// each finished interval into datums: samples of the same metric within one interval become one
/// datum (or several when they have more than 150 distinct values). Thread-safe: the reader adds,
/// the flush timer drains.
/// </summary>
public sealed class MetricAggregator
{
    private readonly SortedDictionary<long, Dictionary<MetricKey, MetricAccumulator>> _intervals = [];
    private readonly Lock _lock = new();
    private readonly long _intervalTicks;
    private readonly AggregationMode _mode;
    private readonly int _storageResolution;
    private readonly int _maxValuesPerDatum;

    public MetricAggregator(TimeSpan interval, AggregationMode mode, int storageResolution = 60, int maxValuesPerDatum = PutMetricDataLimits.MaxValuesPerDatum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxValuesPerDatum, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxValuesPerDatum, PutMetricDataLimits.MaxValuesPerDatum);
        _intervalTicks = interval.Ticks;
        _mode = mode;
        _storageResolution = storageResolution;
        _maxValuesPerDatum = maxValuesPerDatum;
    }

    public TimeSpan Interval => TimeSpan.FromTicks(_intervalTicks);

    /// <summary>Metrics currently held (across open intervals).</summary>
    public int PendingMetrics
    {
        get
        {
            lock (_lock)
            {
                return _intervals.Values.Sum(m => m.Count);
            }
        }
    }

    public void Add(List<MetricSample> samples)
    {
        lock (_lock)
        {
            foreach (var sample in samples)
            {
                long start = IntervalStart(sample.Timestamp);
                if (!_intervals.TryGetValue(start, out var metrics))
                {
                    metrics = [];
                    _intervals[start] = metrics;
                }

                if (!metrics.TryGetValue(sample.Key, out var accumulator))
                {
                    accumulator = new MetricAccumulator();
                    metrics[sample.Key] = accumulator;
                }

                accumulator.Add(sample.Value, sample.Timestamp, _mode);
            }
        }
    }

    /// <summary>Emits every interval that has ended by <paramref name="now"/>.</summary>
    public void FlushCompleted(DateTimeOffset now, List<PartitionedDatum> output)
    {
        long current = IntervalStart(now);
        lock (_lock)
        {
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
            foreach (var (start, metrics) in _intervals)
            {
                Emit(start, metrics, output);
            }

            _intervals.Clear();
        }
    }

    private void Emit(long start, Dictionary<MetricKey, MetricAccumulator> metrics, List<PartitionedDatum> output)
    {
        var intervalStart = new DateTimeOffset(start, TimeSpan.Zero);
        var datums = new List<MetricDatum>();
        foreach (var (key, accumulator) in metrics)
        {
            datums.Clear();
            accumulator.Emit(new MetricDatumTemplate(key, _storageResolution), intervalStart, _mode, _maxValuesPerDatum, datums);
            foreach (var datum in datums)
            {
                output.Add(new PartitionedDatum(key.Partition, datum));
            }
        }
    }

    private long IntervalStart(DateTimeOffset time)
    {
        long ticks = time.UtcTicks;
        return ticks - (ticks % _intervalTicks);
    }
}
