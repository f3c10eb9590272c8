using NeuronMetrics.Model;

namespace NeuronMetrics.Dispatch;

/// <summary>A batch in <see cref="BoundedBatchQueue"/>; mutable so the oldest can lose datums and the last can take a joined batch.</summary>
internal sealed class WaitingBatch(MetricBatch batch, long bytes)
{
    public MetricBatch Batch { get; set; } = batch;

    public long Bytes { get; set; } = bytes;
}
