using NeuronMetrics.Cost;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Model;

namespace NeuronMetrics.Sinks;

/// <summary>
/// Passes batches on to another sink and remembers what they would cost: the distinct custom
/// metrics and the requests per instance and interval. Used to end a dry run with an estimate.
/// </summary>
public sealed class UsageTrackingSink(IMetricSink inner, TimeSpan interval) : IMetricSink
{
    /// <summary>Series remembered as already counted; past this the memory is cleared (counting again is harmless).</summary>
    private const int MaxCountedSeries = 10_000;

    private readonly MetricInventory _metrics = new();

    // The datums of one series share their name and dimension list objects (the mapper's cached metric key): checking
    // those references skips the inventory's text key for every datum after the first of its series.
    private readonly HashSet<(string Partition, string Name, IReadOnlyList<Dimension> Dimensions)> _counted = new(CountedSeriesComparer.Instance);
    private readonly HashSet<(string Partition, long IntervalStart)> _intervals = [];
    private readonly Lock _lock = new();
    private long _requests;

    public int DistinctMetrics
    {
        get
        {
            lock (_lock)
            {
                return _metrics.Count;
            }
        }
    }

    public Task<SinkResult> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var sent = batch.Batch;
        lock (_lock)
        {
            _requests++;
            foreach (var datum in sent.Data)
            {
                if (_counted.Count >= MaxCountedSeries)
                {
                    _counted.Clear();
                }

                if (_counted.Add((sent.Partition, datum.MetricName, datum.Dimensions)))
                {
                    _metrics.Add(sent.Partition, datum);
                }

                _intervals.Add((sent.Partition, datum.Timestamp.UtcTicks - (datum.Timestamp.UtcTicks % interval.Ticks)));
            }
        }

        return inner.SendAsync(batch, cancellationToken);
    }

    /// <summary>
    /// The cost basis of what went through: metrics per instance, and requests per instance and
    /// interval averaged over the intervals seen (null when nothing was sent).
    /// </summary>
    public CostInputs? Inputs()
    {
        lock (_lock)
        {
            if (_requests == 0)
            {
                return null;
            }

            int requestsPerInterval = (int)Math.Ceiling(_requests / (double)Math.Max(1, _intervals.Count));
            return new CostInputs(_metrics.MetricsPerInstance, _metrics.SharedMetrics, requestsPerInterval, interval);
        }
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
