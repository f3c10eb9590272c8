using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Model;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Tests.Dispatch;

public sealed class BatchDispatcherTests
{
    private readonly PipelineStatistics _statistics = new();
    private readonly ListLog _log = new();

    private static MetricBatch Batch(string name, int datums) => NumberedBatch.Create(name, datums);

    private BoundedBatchQueue Queue(int max) => new(max, long.MaxValue, _statistics, new RepeatThrottle(_log, TimeProvider.System, RepeatThrottle.DefaultInterval));

    [Fact]
    public async Task RunAsync_OverflowWhileSinkRetries_OnlyTheRemainingDatumsAreSentAndCountsAreExact()
    {
        var queue = Queue(10);
        var sink = new OutageSink();
        var running = new BatchDispatcher(queue, sink, _statistics, _log).RunAsync(default);

        queue.Enqueue(Batch("a", 4));
        await sink.Started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        queue.Enqueue(Batch("b", 4));
        queue.Enqueue(Batch("c", 4)); // 12 > 10: the two oldest datums, of the batch being retried, go
        queue.Complete();
        sink.Recover();
        await running.WaitAsync(TimeSpan.FromSeconds(5));

        sink.Delivered.Should().Equal(("a", 2), ("b", 4), ("c", 4));
        _statistics.DatumsSent.Should().Be(10);
        _statistics.DatumsDropped.Should().Be(2);
        queue.PendingDatums.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_AttemptUnderWayDeliveredDatumsGivenUpMeanwhile_DropCountCorrected()
    {
        var queue = Queue(10);
        var sink = new GateSink();
        var running = new BatchDispatcher(queue, sink, _statistics, _log).RunAsync(default);

        queue.Enqueue(Batch("a", 4));
        await sink.Started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        queue.Enqueue(Batch("b", 8)); // gives up 2 of "a" while its attempt is under way
        _statistics.DatumsDropped.Should().Be(2);
        sink.Open(); // that attempt carried all 4 and was accepted
        queue.Complete();
        await running.WaitAsync(TimeSpan.FromSeconds(5));

        _statistics.DatumsSent.Should().Be(12);
        _statistics.DatumsDropped.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_SinkFault_HaltsAndCountsTheRestDroppedWithoutSending()
    {
        var queue = Queue(100);
        var sink = new FaultySink();
        var dispatcher = new BatchDispatcher(queue, sink, _statistics, _log);
        queue.Enqueue(Batch("a", 3));
        queue.Enqueue(Batch("b", 5));
        queue.Complete();

        await dispatcher.RunAsync(default);

        dispatcher.Fault.Should().Be(SinkFault.OutputClosed);
        dispatcher.Halted.IsCancellationRequested.Should().BeTrue();
        sink.Calls.Should().Be(1);
        _statistics.DatumsDropped.Should().Be(8);
    }

    [Fact]
    public async Task RunAsync_SinkThrows_CountedDroppedScrubbedAndGoesOn()
    {
        var queue = Queue(100);
        var sink = new FaultySink { Throw = true };
        queue.Enqueue(Batch("a", 3));
        queue.Enqueue(Batch("b", 5));
        queue.Complete();

        await new BatchDispatcher(queue, sink, _statistics, _log).RunAsync(default);

        sink.Calls.Should().Be(2);
        _statistics.DatumsDropped.Should().Be(8);
        _log.Messages.Should().HaveCount(2).And.OnlyContain(m => m.Contains("Line 3:<redacted>", StringComparison.Ordinal) && !m.Contains("wJalr", StringComparison.Ordinal));
    }

    /// <summary>Retries (until displaced) while down, delivers what is left once recovered.</summary>
    private sealed class OutageSink : IMetricSink
    {
        private volatile bool _up;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<(string, int)> Delivered { get; } = [];

        public void Recover() => _up = true;

        public async Task<SinkResult> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            while (!_up && !batch.Displaced.IsCancellationRequested)
            {
                batch.CountRetry();
                await Task.Delay(10, cancellationToken);
            }

            var remaining = batch.Remaining();
            Delivered.Add((remaining.Partition, remaining.Data.Count));
            return new SinkResult(remaining.Data.Count, batch.Batch.Data.Count - remaining.Data.Count, 0, 1);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Holds its first attempt open, then reports every datum of the batch as it was dequeued delivered.</summary>
    private sealed class GateSink : IMetricSink
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        public async Task<SinkResult> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
            return SinkResult.Delivered(batch.Batch.Data.Count);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class FaultySink : IMetricSink
    {
        public int Calls { get; private set; }

        public bool Throw { get; init; }

        public Task<SinkResult> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
        {
            Calls++;
            return Throw
                ? throw new InvalidDataException("Line 3:<aws_secret_access_key wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n> in file credentials")
                : Task.FromResult(SinkResult.Failed(batch.Batch.Data.Count, SinkFault.OutputClosed));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
