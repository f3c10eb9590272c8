using NeuronMetrics.Model;

namespace NeuronMetrics.Batching;

/// <summary>
/// Joins queued batches of the same namespace and instance into one request while it stays within
/// the request limits: after an outage the backlog (one small batch per flush interval) goes out in
/// full requests instead of one request per interval. Sizes are recomputed at the datums' new
/// positions, so a joined request never exceeds what the batcher would allow.
/// </summary>
public sealed class BatchMerger(IDatumSizer sizer, int maxDatums = PutMetricDataLimits.MaxDatumsPerRequest, int maxBytes = PutMetricDataLimits.MaxRequestBytes)
{
    private MetricBatch? _first;
    private List<MetricDatum>? _data;
    private int _bytes;

    /// <summary>Starts a request with <paramref name="first"/>.</summary>
    public void Begin(MetricBatch first)
    {
        _first = first;
        _data = null;
        _bytes = -1; // sized lazily: most batches have nothing to join
    }

    /// <summary>Appends <paramref name="next"/> when it belongs to the same request stream and fits; false otherwise.</summary>
    public bool TryAdd(MetricBatch next)
    {
        var first = _first ?? throw new InvalidOperationException("Begin was not called.");
        int count = _data?.Count ?? first.Data.Count;
        if (!string.Equals(next.Namespace, first.Namespace, StringComparison.Ordinal)
            || !string.Equals(next.Partition, first.Partition, StringComparison.Ordinal)
            || count + next.Data.Count > maxDatums)
        {
            return false;
        }

        if (_bytes < 0)
        {
            _bytes = sizer.RequestOverhead(first.Namespace);
            for (int i = 0; i < first.Data.Count; i++)
            {
                _bytes += sizer.DatumSize(first.Data[i], i + 1);
            }
        }

        int added = 0;
        for (int i = 0; i < next.Data.Count; i++)
        {
            added += sizer.DatumSize(next.Data[i], count + i + 1);
        }

        if (_bytes + added > maxBytes)
        {
            return false;
        }

        _data ??= [.. first.Data];
        _data.AddRange(next.Data);
        _bytes += added;
        return true;
    }

    /// <summary>The request: the first batch itself when nothing was joined.</summary>
    public MetricBatch Build()
    {
        var first = _first ?? throw new InvalidOperationException("Begin was not called.");
        var result = _data is null ? first : first with { Data = _data };
        _first = null;
        _data = null;
        return result;
    }
}
