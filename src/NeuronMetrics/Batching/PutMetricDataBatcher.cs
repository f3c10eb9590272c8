using NeuronMetrics.Aggregation;
using NeuronMetrics.Model;

namespace NeuronMetrics.Batching;

/// <summary>
/// Packs datums into PutMetricData requests: one namespace and one instance per request, at most
/// 1000 datums and 1 MB of encoded body each. Order within an instance is kept. Batches still waiting after an
/// outage are joined (<see cref="TryJoin"/>).
/// </summary>
public sealed class PutMetricDataBatcher
{
    private readonly string _namespace;
    private readonly IDatumSizer _sizer;
    private readonly int _maxDatums;
    private readonly int _maxBytes;
    private readonly BatchMerger _merger;

    public PutMetricDataBatcher(string metricNamespace, IDatumSizer sizer, int maxDatums = PutMetricDataLimits.MaxDatumsPerRequest, int maxBytes = PutMetricDataLimits.MaxRequestBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDatums, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDatums, PutMetricDataLimits.MaxDatumsPerRequest);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBytes, PutMetricDataLimits.MaxRequestBytes);
        _namespace = metricNamespace;
        _sizer = sizer;
        _maxDatums = maxDatums;
        _maxBytes = maxBytes;
        _merger = new BatchMerger(sizer, maxDatums, maxBytes);
    }

    /// <summary>
    /// <paramref name="waiting"/> and <paramref name="next"/> as one request when they fit in one (the same instance,
    /// within the limits), else null. The pipeline offers each new batch to the last one still waiting to be sent.
    /// </summary>
    public MetricBatch? TryJoin(MetricBatch waiting, MetricBatch next) => _merger.TryJoin(waiting, next);

    public List<MetricBatch> Batch(IReadOnlyList<PartitionedDatum> datums)
    {
        var batches = new List<MetricBatch>();
        var partitions = new List<string>();
        var byPartition = new Dictionary<string, List<MetricDatum>>(StringComparer.Ordinal);
        foreach (var (partition, datum) in datums)
        {
            if (!byPartition.TryGetValue(partition, out var list))
            {
                list = [];
                byPartition[partition] = list;
                partitions.Add(partition);
            }

            list.Add(datum);
        }

        int overhead = _sizer.RequestOverhead(_namespace);
        foreach (var partition in partitions)
        {
            var current = new List<MetricDatum>();
            int bytes = overhead;
            foreach (var datum in byPartition[partition])
            {
                int size = _sizer.DatumSize(datum, current.Count + 1);
                if (current.Count > 0 && (current.Count == _maxDatums || bytes + size > _maxBytes))
                {
                    batches.Add(Made(new MetricBatch(_namespace, partition, current), bytes));
                    current = [];
                    bytes = overhead;
                    size = _sizer.DatumSize(datum, 1);
                }

                // A single datum is bounded far below the request limit (150 values, 30 dimensions).
                current.Add(datum);
                bytes += size;
            }

            if (current.Count > 0)
            {
                batches.Add(Made(new MetricBatch(_namespace, partition, current), bytes));
            }
        }

        return batches;
    }

    /// <summary>The merger learns the batch's size now, so joining a new batch to it later does not size it again.</summary>
    private MetricBatch Made(MetricBatch batch, int requestBytes)
    {
        _merger.Remember(batch, requestBytes);
        return batch;
    }
}
