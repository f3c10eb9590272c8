using System.Diagnostics;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>CloudWatch down, slow or back: spawned neuron-cw against a local HTTP server.</summary>
public sealed class OutageTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// CloudWatch answering 503 to the first 3 requests, then 200: an outage counted in requests, not seconds, so a
    /// slow start on a busy machine cannot use it up before the first request.
    /// </summary>
    private static ScriptedHttpServer DownForThreeRequests() => new(
        CloudWatchReplies.Error(503, "ServiceUnavailable"), CloudWatchReplies.Error(503, "ServiceUnavailable"), CloudWatchReplies.Error(503, "ServiceUnavailable"), CloudWatchReplies.Ok());

    [Fact]
    public async Task Run_OutageThenRecovery_EverythingWithinBoundDelivered()
    {
        await using var server = DownForThreeRequests();

        var run = await NeuronCwProcess.RunAsync(
            ["--shutdown-timeout", "60s", "--stats-interval", "off"], OpsInputs.ReportsForInstances(5), LoopbackCloudWatch.Environment(server.Url), ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        var summary = SummaryLine.Parse(run);
        summary["datums"].Should().Be(20);
        summary["sent"].Should().Be(20);
        summary["dropped"].Should().Be(0);
        summary["retries"].Should().BeGreaterThan(0);
        PutMetricDataRequests.DeliveredDatums(server.Requests).Should().Be(20);
        run.Stderr.Should().Contain("retrying in");
    }

    [Fact]
    public async Task Run_BacklogOfOneInstance_SentInFullRequestsAfterRecovery()
    {
        await using var server = DownForThreeRequests();

        // 600 reports read at once: core 0 reaches 150 distinct values every 150 reports, so the interval is sent
        // early 4 times, and the rest at end of input: 5 batches (4 + 4 + 4 + 4 + 3 datums; the dry run shows
        // the same). The first is retried through the outage; the 4 queued behind it share one request.
        var run = await NeuronCwProcess.RunAsync(
            ["--shutdown-timeout", "60s", "--stats-interval", "off"], OpsInputs.DistinctReportsForOneInstance(600), LoopbackCloudWatch.Environment(server.Url), ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        var summary = SummaryLine.Parse(run);
        summary["datums"].Should().Be(19);
        summary["sent"].Should().Be(19);
        summary["requests"].Should().Be(2);
        server.Requests.Where(r => r.AnsweredStatus == 200).Should().HaveCount(2);
        PutMetricDataRequests.DeliveredDatums(server.Requests).Should().Be(19);
    }

    [Fact]
    public async Task Run_OutageBeyondBufferBound_DropCountExact()
    {
        await using var server = DownForThreeRequests();

        // 20 instances → 20 batches of 4 datums, all queued at end of input; the buffer holds 10 datums.
        var run = await NeuronCwProcess.RunAsync(
            ["--max-buffered-datums", "10", "--shutdown-timeout", "60s"], OpsInputs.ReportsForInstances(20), LoopbackCloudWatch.Environment(server.Url), ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.DataDropped, run.Stderr);
        var summary = SummaryLine.Parse(run);
        summary["datums"].Should().Be(80);
        long sent = summary["sent"];
        long dropped = summary["dropped"];
        sent.Should().Be(PutMetricDataRequests.DeliveredDatums(server.Requests)).And.BeInRange(4, 12);
        (sent + dropped).Should().Be(80);
        summary["buffered"].Should().Be(0);
        run.Stderr.Should().Contain("send buffer full (10 datums)");
    }

    [Fact]
    public async Task Sigterm_SlowEndpoint_ExitsWithinShutdownTimeoutAndReportsUnansweredRequestInDoubt()
    {
        // Never answers in time: the request in flight at shutdown has no answer.
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok().Slow(TimeSpan.FromSeconds(60)));
        using var process = NeuronCwProcess.Start(["--shutdown-timeout", "2s", "--stats-interval", "1s"], LoopbackCloudWatch.Environment(server.Url));
        await process.WaitUntilStartedAsync();
        await process.WriteAsync(OpsInputs.ReportsForInstances(3));
        await process.WaitForStderrLineAsync(l => l.Contains("stats: reports=36 ", StringComparison.Ordinal), "stats line with every report read"); // stdin stays open, as neuron-monitor keeps it

        var stopwatch = Stopwatch.StartNew();
        process.SendSigterm();
        var run = await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        stopwatch.Stop();

        run.ExitCode.Should().Be(ExitCodes.DataDropped, run.Stderr);
        // Well under the 10 s attempt timeout: the shutdown timeout ends the wait, with room for a busy machine.
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2) + TimeSpan.FromSeconds(6), "the shutdown timeout is 2 s");
        var summary = SummaryLine.Parse(run);
        summary["reports"].Should().Be(36);
        summary["sent"].Should().Be(0);
        // The first of the 3 batches was sent and not answered: CloudWatch may have it. The two behind it were never sent.
        summary["in-doubt"].Should().Be(4);
        summary["dropped"].Should().Be(8);
        server.Requests.Count.Should().BeLessThanOrEqualTo(1, "nothing is sent twice");
        run.Stderr.Should().Contain("stopping: flushing buffered data").And.Contain("shutdown timeout (2 s)");
    }
}
