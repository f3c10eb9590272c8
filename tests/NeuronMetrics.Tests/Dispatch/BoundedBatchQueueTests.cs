using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Model;

namespace NeuronMetrics.Tests.Dispatch;

public sealed class BoundedBatchQueueTests
{
    private readonly PipelineStatistics _statistics = new();
    private readonly ListLog _log = new();

    private BoundedBatchQueue Create(int max) => new(max, _statistics, new RepeatThrottle(_log, TimeProvider.System, TimeSpan.FromMinutes(5)));

    private static MetricBatch Batch(string name, int datums) => NumberedBatch.Create(name, datums);

    [Fact]
    public async Task DequeueAsync_InOrder_ThenNullAfterComplete()
    {
        var queue = Create(100);
        queue.Enqueue(Batch("a", 1));
        queue.Enqueue(Batch("b", 2));
        queue.Complete();

        (await queue.DequeueAsync(default))!.Partition.Should().Be("a");
        (await queue.DequeueAsync(default))!.Partition.Should().Be("b");
        (await queue.DequeueAsync(default)).Should().BeNull();
    }

    [Fact]
    public void Enqueue_OverCapacity_DropsOldestAndCountsExactly()
    {
        var queue = Create(10);
        queue.Enqueue(Batch("a", 4));
        queue.Enqueue(Batch("b", 4));
        queue.Enqueue(Batch("c", 4));

        queue.BufferedDatums.Should().Be(8);
        _statistics.DatumsDropped.Should().Be(4);
        _log.Messages.Should().ContainSingle().Which.Should().Contain("dropped the oldest 4 datums");
    }

    [Fact]
    public async Task DequeueAsync_WaitsForEnqueue()
    {
        var queue = Create(10);
        var pending = queue.DequeueAsync(default).AsTask();
        await Task.Delay(20);
        pending.IsCompleted.Should().BeFalse();

        queue.Enqueue(Batch("a", 1));

        (await pending.WaitAsync(TimeSpan.FromSeconds(5)))!.Partition.Should().Be("a");
    }

    [Fact]
    public void Clear_ReturnsDatumsHeld()
    {
        var queue = Create(10);
        queue.Enqueue(Batch("a", 3));

        queue.Clear().Should().Be(3);
        queue.BufferedDatums.Should().Be(0);
    }

    [Fact]
    public async Task Enqueue_OverflowReachesBatchInFlight_DisplacesItFirst()
    {
        var queue = Create(10);
        queue.Enqueue(Batch("a", 4));
        (await queue.DequeueAsync(default))!.Partition.Should().Be("a");
        var displaced = queue.InFlightDisplaced;
        queue.Enqueue(Batch("b", 4));
        displaced.IsCancellationRequested.Should().BeFalse();
        queue.PendingDatums.Should().Be(8);

        queue.Enqueue(Batch("c", 4));

        displaced.IsCancellationRequested.Should().BeTrue();
        queue.PendingDatums.Should().Be(8);
        queue.BufferedDatums.Should().Be(8);
        _statistics.DatumsDropped.Should().Be(0, "the dispatcher counts a displaced batch once the sink gives it up");
        _log.Messages.Should().ContainSingle().Which.Should().Contain("dropped the oldest 4 datums");
    }

    [Fact]
    public async Task Settle_BatchDelivered_NoLongerCounted()
    {
        var queue = Create(10);
        queue.Enqueue(Batch("a", 4));
        await queue.DequeueAsync(default);

        queue.Settle();

        queue.PendingDatums.Should().Be(0);
        queue.InFlightDisplaced.CanBeCanceled.Should().BeFalse();
    }

    private sealed class FixedSizer : NeuronMetrics.Batching.IDatumSizer
    {
        public int RequestOverhead(string metricNamespace) => 50;

        public int DatumSize(MetricDatum datum, int memberIndex) => 100;
    }

    [Fact]
    public async Task DequeueAsync_WithMerger_JoinsTheBacklogIntoFullRequests()
    {
        var queue = new BoundedBatchQueue(100_000, _statistics, new RepeatThrottle(_log, TimeProvider.System, TimeSpan.FromMinutes(5)), new NeuronMetrics.Batching.BatchMerger(new FixedSizer()));
        for (int interval = 0; interval < 5; interval++)
        {
            queue.Enqueue(NumberedBatch.Create("i-1", 400)); // one flush interval of an instance during an outage
        }

        queue.Enqueue(NumberedBatch.Create("i-2", 10));
        queue.Complete();

        var sizes = new List<(string, int)>();
        while (await queue.DequeueAsync(default) is { } batch)
        {
            sizes.Add((batch.Partition, batch.Data.Count));
            queue.PendingDatums.Should().Be(queue.BufferedDatums + batch.Data.Count);
            queue.Settle();
        }

        sizes.Should().Equal(("i-1", 800), ("i-1", 800), ("i-1", 400), ("i-2", 10));
        queue.BufferedDatums.Should().Be(0);
    }
}
