using NeuronMetrics.Batching;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Model;

namespace NeuronMetrics.Tests.Dispatch;

public sealed class BoundedBatchQueueTests
{
    private readonly PipelineStatistics _statistics = new();
    private readonly ListLog _log = new();

    private BoundedBatchQueue Create(int max, long maxBytes = long.MaxValue) => new(max, maxBytes, _statistics, new RepeatThrottle(_log, TimeProvider.System, RepeatThrottle.DefaultInterval));

    private static MetricBatch Batch(string name, int datums) => NumberedBatch.Create(name, datums);

    [Fact]
    public async Task DequeueAsync_InOrder_ThenNullAfterComplete()
    {
        var queue = Create(100);
        queue.Enqueue(Batch("a", 1));
        queue.Enqueue(Batch("b", 2));
        queue.Complete();

        (await queue.DequeueAsync(default))!.Batch.Partition.Should().Be("a");
        (await queue.DequeueAsync(default))!.Batch.Partition.Should().Be("b");
        (await queue.DequeueAsync(default)).Should().BeNull();
    }

    [Fact]
    public void Enqueue_OverCapacity_DropsOnlyTheOldestDatumsNeeded()
    {
        var queue = Create(10);
        queue.Enqueue(Batch("a", 4));
        queue.Enqueue(Batch("b", 4));
        queue.Enqueue(Batch("c", 4));

        queue.BufferedDatums.Should().Be(10, "the buffer stays at its bound");
        _statistics.DatumsDropped.Should().Be(2);
        _log.Messages.Should().ContainSingle().Which.Should().Contain("send buffer full (10 datums): dropped the oldest 2 datums");
    }

    [Fact]
    public async Task Enqueue_OverCapacity_KeepsTheNewestDatumsOfTheOldestBatch()
    {
        var queue = Create(10);
        queue.Enqueue(Batch("a", 4));
        queue.Enqueue(Batch("b", 8));
        queue.Complete();

        var first = (await queue.DequeueAsync(default))!.Batch;
        first.Partition.Should().Be("a");
        first.Data.Select(d => d.Value).Should().Equal(2.0, 3.0);
    }

    [Fact]
    public void Enqueue_ManyBatchesOverTheBound_PendingNeverExceedsItAndDropsAreExact()
    {
        var queue = Create(37);
        var random = new Random(7);
        long produced = 0;
        for (int i = 0; i < 200; i++)
        {
            int size = random.Next(1, 30);
            produced += size;
            queue.Enqueue(Batch("p" + (i % 3), size));
            queue.PendingDatums.Should().Be((int)Math.Min(37, produced));
        }

        _statistics.DatumsDropped.Should().Be(produced - 37);
    }

    [Fact]
    public async Task DequeueAsync_WaitsForEnqueue()
    {
        var queue = Create(10);
        var pending = queue.DequeueAsync(default).AsTask();
        await Task.Delay(20);
        pending.IsCompleted.Should().BeFalse();

        queue.Enqueue(Batch("a", 1));

        (await pending.WaitAsync(TimeSpan.FromSeconds(5)))!.Batch.Partition.Should().Be("a");
    }

    [Fact]
    public void Clear_ReturnsDatumsHeld()
    {
        var queue = Create(10);
        queue.Enqueue(Batch("a", 3));

        queue.Clear().Should().Be(3);
        queue.BufferedDatums.Should().Be(0);
        queue.PendingBytes.Should().Be(0);
    }

    [Fact]
    public async Task Enqueue_OverflowReachesBatchInFlight_GivesUpItsOldestDatumsFirst()
    {
        var queue = Create(10);
        queue.Enqueue(Batch("a", 4));
        var sending = (await queue.DequeueAsync(default))!;
        queue.Enqueue(Batch("b", 4));
        queue.PendingDatums.Should().Be(8);

        queue.Enqueue(Batch("c", 4));

        sending.GivenUp.Should().Be(2);
        sending.Remaining().Data.Select(d => d.Value).Should().Equal(2.0, 3.0);
        sending.Displaced.IsCancellationRequested.Should().BeFalse();
        queue.PendingDatums.Should().Be(10);
        queue.BufferedDatums.Should().Be(8);
        _statistics.DatumsDropped.Should().Be(2);

        queue.Enqueue(Batch("d", 4));

        sending.GivenUp.Should().Be(4);
        sending.Displaced.IsCancellationRequested.Should().BeTrue();
        queue.PendingDatums.Should().Be(10);
        _statistics.DatumsDropped.Should().Be(6);
    }

    [Fact]
    public async Task Settle_BatchDelivered_NoLongerCounted()
    {
        var queue = Create(10);
        queue.Enqueue(Batch("a", 4));
        await queue.DequeueAsync(default);

        queue.Settle();

        queue.PendingDatums.Should().Be(0);
        queue.PendingBytes.Should().Be(0);
    }

    [Fact]
    public void Enqueue_ByteBound_GivesUpOldestDatumsUntilUnderIt()
    {
        long perDatum = DatumFootprint.Of(Batch("x", 1).Data[0]);
        var queue = Create(1000, maxBytes: perDatum * 10);

        queue.Enqueue(Batch("a", 6));
        queue.Enqueue(Batch("b", 6));

        queue.PendingDatums.Should().Be(10);
        queue.PendingBytes.Should().BeLessThanOrEqualTo(perDatum * 10);
        _statistics.DatumsDropped.Should().Be(2);
        _log.Messages.Should().ContainSingle().Which.Should().Contain($"send buffer full ({perDatum * 10} bytes)");
    }

    private sealed class FixedSizer : IDatumSizer
    {
        public int RequestOverhead(string metricNamespace) => 50;

        public int DatumSize(MetricDatum datum, int memberIndex) => 100;
    }

    [Fact]
    public async Task Enqueue_JoinWithLast_BacklogBecomesFullRequests()
    {
        var queue = Create(100_000);
        var merger = new BatchMerger(new FixedSizer());
        for (int interval = 0; interval < 5; interval++)
        {
            queue.Enqueue(NumberedBatch.Create("i-1", 400), merger.TryJoin); // one flush interval of an instance during an outage
        }

        queue.Enqueue(NumberedBatch.Create("i-2", 10), merger.TryJoin);
        queue.Complete();

        var sizes = new List<(string, int)>();
        while (await queue.DequeueAsync(default) is { } batch)
        {
            sizes.Add((batch.Batch.Partition, batch.Batch.Data.Count));
            queue.PendingDatums.Should().Be(queue.BufferedDatums + batch.Batch.Data.Count);
            queue.Settle();
        }

        sizes.Should().Equal(("i-1", 800), ("i-1", 800), ("i-1", 400), ("i-2", 10));
        queue.BufferedDatums.Should().Be(0);
    }
}
