using NeuronMetrics.Model;

namespace NeuronMetrics.Batching;

/// <summary>
/// Joins two batches of the same namespace and instance into one request while it stays within the request
/// limits: after an outage the backlog (one small batch per flush interval) goes out in full requests instead of
/// one request per interval. Sizes are recomputed at the datums' new positions, so a joined request never exceeds
/// what the batcher would allow.
/// </summary>
public sealed class BatchMerger(IDatumSizer sizer, int maxDatums = PutMetricDataLimits.MaxDatumsPerRequest, int maxBytes = PutMetricDataLimits.MaxRequestBytes)
{
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

        int bytes = sizer.RequestOverhead(first.Namespace);
        for (int i = 0; i < count; i++)
        {
            bytes += sizer.DatumSize(first.Data[i], i + 1);
        }

        for (int i = 0; i < next.Data.Count && bytes <= maxBytes; i++)
        {
            bytes += sizer.DatumSize(next.Data[i], count + i + 1);
        }

        return bytes > maxBytes ? null : first with { Data = [.. first.Data, .. next.Data] };
    }
}
