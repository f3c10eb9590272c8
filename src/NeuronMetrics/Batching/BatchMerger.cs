using NeuronMetrics.Model;

namespace NeuronMetrics.Batching;

/// <summary>
/// Joins two batches of the same namespace and instance into one request while it stays within the request
/// limits: after an outage the backlog (one small batch per flush interval) goes out in full requests instead of
/// one request per interval. Sizes are recomputed at the datums' new positions, so a joined request never exceeds
/// what the batcher would allow.
/// The request sizes of the batches the batcher made or this merger joined last are remembered (by reference), so a
/// waiting batch offered one new batch after another is not sized again each time.
/// </summary>
public sealed class BatchMerger(IDatumSizer sizer, int maxDatums = PutMetricDataLimits.MaxDatumsPerRequest, int maxBytes = PutMetricDataLimits.MaxRequestBytes)
{
    private readonly RecentBatchSizes _requestBytes = new();

    /// <summary>Records the request size of <paramref name="batch"/> (overhead and its datums at their positions).</summary>
    public void Remember(MetricBatch batch, int requestBytes) => _requestBytes.Remember(batch, requestBytes);

    /// <summary><paramref name="first"/> followed by <paramref name="next"/> as one batch, or null when they cannot share a request.</summary>
    public MetricBatch? TryJoin(MetricBatch first, MetricBatch next)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(next);
        int count = first.Data.Count;
        if (!string.Equals(next.Namespace, first.Namespace, StringComparison.Ordinal)
            || !string.Equals(next.Partition, first.Partition, StringComparison.Ordinal)
            || count + next.Data.Count > maxDatums)
        {
            return null;
        }

        int bytes = _requestBytes.TryGet(first, out int known) ? known : RequestBytes(first);
        for (int i = 0; i < next.Data.Count && bytes <= maxBytes; i++)
        {
            bytes += sizer.DatumSize(next.Data[i], count + i + 1);
        }

        if (bytes > maxBytes)
        {
            return null;
        }

        var joined = first with { Data = [.. first.Data, .. next.Data] };
        Remember(joined, bytes);
        return joined;
    }

    private int RequestBytes(MetricBatch batch)
    {
        int bytes = sizer.RequestOverhead(batch.Namespace);
        for (int i = 0; i < batch.Data.Count; i++)
        {
            bytes += sizer.DatumSize(batch.Data[i], i + 1);
        }

        return bytes;
    }
}
