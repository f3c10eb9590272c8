using NeuronMetrics.Dispatch;
using NeuronMetrics.Model;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Tests;

/// <summary>Keeps every batch in memory and reports it delivered.</summary>
internal sealed class InMemorySink : IMetricSink
{
    private readonly List<MetricBatch> _batches = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<MetricBatch> Batches
    {
        get
        {
            lock (_lock)
            {
                return [.. _batches];
            }
        }
    }

    public Task<SinkResult> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _batches.Add(batch.Batch);
        }

        return Task.FromResult(SinkResult.Delivered(batch.Batch.Data.Count));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
