using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Model;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Tests.Dispatch;

public sealed class BatchDispatcherTests
{
    private static MetricBatch Batch(string name, int datums) => NumberedBatch.Create(name, datums);

    [Fact]
    public async Task RunAsync_BatchRetryingWhenDisplaced_GivenUpAndCountedOnce()
    {
        var statistics = new PipelineStatistics();
        var queue = new BoundedBatchQueue(10, statistics, new RepeatThrottle(new ListLog(), TimeProvider.System, TimeSpan.FromMinutes(5)));
        var sink = new OutageSink();
        var dispatcher = new BatchDispatcher(queue, sink, statistics, new ListLog());
        var running = dispatcher.RunAsync(default);

        queue.Enqueue(Batch("a", 4));
        await sink.Started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        queue.Enqueue(Batch("b", 4));
        queue.Enqueue(Batch("c", 4)); // 12 > 10: the batch being retried is the oldest and goes
        queue.Complete();
        sink.Recover();
        await running.WaitAsync(TimeSpan.FromSeconds(5));

        statistics.DatumsDropped.Should().Be(4);
        sink.Delivered.Should().Equal("b", "c");
        queue.PendingDatums.Should().Be(0);
    }

    /// <summary>Retries "forever" (until cancelled) while down, delivers once recovered.</summary>
    private sealed class OutageSink : IMetricSink
    {
        private volatile bool _up;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Delivered { get; } = [];

        public void Recover() => _up = true;

        public async Task SendAsync(MetricBatch batch, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            while (!_up)
            {
                await Task.Delay(10, cancellationToken);
            }

            Delivered.Add(batch.Partition);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
