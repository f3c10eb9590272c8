using NeuronMetrics.CloudWatch.Tests.Fakes;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using static NeuronMetrics.CloudWatch.Tests.Fakes.ClientHarness;

namespace NeuronMetrics.CloudWatch.Tests.Client;

/// <summary>The default client through an outage: what is in doubt at shutdown, answers that take long, datums given up meanwhile.</summary>
public sealed class RetryingPutMetricDataClientOutageTests
{
    [Fact]
    public async Task PutMetricDataAsync_ShutdownWhileAttemptUnanswered_ReportsInDoubt()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok().Slow(TimeSpan.FromSeconds(60)));

        var result = await ShutDownWhenAsync(Options(server), new OutgoingBatch(Batch()), () => WaitUntil(() => server.Requests.Count == 1));

        result.Status.Should().Be(PutMetricDataStatus.Abandoned);
        result.DatumsInDoubt.Should().Be(2, "the request reached the server, which may store it");
    }

    [Fact]
    public async Task PutMetricDataAsync_ShutdownWhileWaitingAfterAnsweredError_ReportsNothingInDoubt()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Error(503, "ServiceUnavailable"));
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = Options(server) with { Retry = new(int.MaxValue, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)), Random = new FixedRandom(0.5) };

        // The retry is counted once the 503 has been read, just before the backoff wait.
        var result = await ShutDownWhenAsync(options, new OutgoingBatch(Batch(), () => waiting.TrySetResult()), () => waiting.Task);

        result.Status.Should().Be(PutMetricDataStatus.Abandoned);
        result.DatumsInDoubt.Should().Be(0, "the only attempt was answered with an error");
    }

    [Fact]
    public async Task PutMetricDataAsync_SlowerThanOldAttemptTimeout_AnsweredOnceWithinReadTimeout()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok().Slow(TimeSpan.FromSeconds(12)));
        using var client = DefaultClient(Options(server) with { ReadTimeout = CloudWatchSinkOptions.DefaultReadTimeout });

        var result = await client.PutMetricDataAsync(new OutgoingBatch(Batch()), CancellationToken.None);

        result.Status.Should().Be(PutMetricDataStatus.Delivered);
        server.Requests.Should().ContainSingle("a 12 s answer is within the 60 s read timeout: nothing is sent twice");
    }

    [Fact]
    public async Task PutMetricDataAsync_OldestDatumsGivenUpDuringOutage_NextAttemptSendsTheRest()
    {
        var batch = Batch(5);
        var queue = new BoundedBatchQueue(5, long.MaxValue, new PipelineStatistics(), new RepeatThrottle(new ListLog(LogLevel.Debug), TimeProvider.System, TimeSpan.FromMinutes(1)));
        int answered = 0;
        await using var flaky = new ScriptedHttpServer(_ => Interlocked.Increment(ref answered) == 1 ? CloudWatchReplies.Error(503, "ServiceUnavailable") : CloudWatchReplies.Ok());
        queue.Enqueue(batch);
        var dequeued = (await queue.DequeueAsync(CancellationToken.None))!;
        using var client = DefaultClient(Options(flaky) with { Retry = new(10, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)), Random = new FixedRandom(0.999) });

        var sending = client.PutMetricDataAsync(dequeued, CancellationToken.None);
        await WaitUntil(() => flaky.Requests.Count == 1);
        queue.Enqueue(Batch(2) with { Partition = "i-2" }); // 7 > 5: the two oldest datums of the batch being retried go
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(30));

        dequeued.GivenUp.Should().Be(2);
        flaky.Requests.Should().HaveCount(2);
        flaky.Requests[1].Body.Should().Equal(Encode(batch with { Data = batch.Data.Skip(2).ToList() }));
        result.DatumsSent.Should().Be(3);
    }

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }

    /// <summary>Sends <paramref name="batch"/> and shuts down once <paramref name="ready"/> completes; returns what the client said.</summary>
    private static async Task<PutMetricDataResult> ShutDownWhenAsync(CloudWatchSinkOptions options, OutgoingBatch batch, Func<Task> ready)
    {
        using var client = DefaultClient(options);
        using var shutdown = new CancellationTokenSource();
        var sending = client.PutMetricDataAsync(batch, shutdown.Token);
        await ready().WaitAsync(TimeSpan.FromSeconds(30));
        await shutdown.CancelAsync();
        return await sending.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the condition should come true");
            await Task.Delay(10);
        }
    }
}
