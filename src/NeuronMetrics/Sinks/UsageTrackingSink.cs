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
    private readonly MetricInventory _metrics = new();
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
                _metrics.Add(sent.Partition, datum);
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
