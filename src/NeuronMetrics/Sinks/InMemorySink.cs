using NeuronMetrics.Diagnostics;
using NeuronMetrics.Model;

namespace NeuronMetrics.Sinks;

/// <summary>Keeps every batch in memory: for tests and for embedding the pipeline.</summary>
public sealed class InMemorySink(PipelineStatistics? statistics = null) : IMetricSink
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

    public Task SendAsync(MetricBatch batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _batches.Add(batch);
        }

        statistics?.AddRequest();
        statistics?.AddDatumsSent(batch.Data.Count);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
