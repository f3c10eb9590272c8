using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NeuronMetrics.Cli.Tests.Operations;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Delivery;

/// <summary>CloudWatch down or stalled while data keeps coming: the buffer stays at its bounds and every datum is accounted for.</summary>
public sealed partial class BufferBoundTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Run_OutageOverflowsBuffer_BufferStaysAtItsBoundAndDroppedIsProducedMinusDelivered()
    {
        // Down until the test has seen the buffer overflow, then up.
        var down = true;
        await using var server = new ScriptedHttpServer(_ => Volatile.Read(ref down) ? CloudWatchReplies.Error(503, "ServiceUnavailable") : CloudWatchReplies.Ok());
        using var run = NeuronCwProcess.Start(
            ["--max-buffered-datums", "10", "--shutdown-timeout", "100s", "--stats-interval", "off", "--log-level", "debug"], LoopbackCloudWatch.Environment(server.Url));
        await run.WaitUntilStartedAsync();

        // 20 instances: 20 batches of 4 datums, queued at once at end of input, while the first one is being retried.
        await run.WriteAsync(OpsInputs.ReportsForInstances(20));
        run.CloseStandardInput();
        var flush = await run.WaitForStderrLineAsync(l => l.Contains("debug: flush: 80 datums in 20 batch(es)", StringComparison.Ordinal), "the end-of-input flush", RunTimeout);
        // Up again once the first request has been refused, so whatever was sent before the overflow counts as failed.
        await run.WaitForStderrLineAsync(l => l.Contains("debug: PutMetricData attempt 1: ", StringComparison.Ordinal), "the first attempt", RunTimeout);
        Volatile.Write(ref down, false);
        var result = await run.WaitForExitAsync(RunTimeout);

        flush.Should().Contain("buffer holds 10 datums", "the buffer is full, not emptied by whole batches");
        result.ExitCode.Should().Be(ExitCodes.DataDropped, result.ToString());
        var summary = SummaryLine.Parse(result);
        long delivered = PutMetricDataRequests.DatumKeys(server.Requests).Count;
        summary["datums"].Should().Be(80);
        summary["sent"].Should().Be(delivered).And.Be(10, "the 10 newest datums were kept");
        summary["dropped"].Should().Be(80 - delivered);
        summary["in-doubt"].Should().Be(0);
        summary["buffered"].Should().Be(0);
        result.Stderr.Should().Contain("send buffer full (10 datums)");
    }

    [Fact]
    public async Task Run_StalledEndpointWithLargeDatums_BufferNeverHoldsMoreThanMaxBufferBytes()
    {
        const long MaxBytes = 64 * 1024;
        // Accepts the connection, never answers: the first request hangs until shutdown.
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok().Slow(TimeSpan.FromMinutes(10)));
        using var run = NeuronCwProcess.Start(
            ["--max-buffer-bytes", MaxBytes.ToString(CultureInfo.InvariantCulture), "--shutdown-timeout", "1s", "--log-level", "debug", "--stats-interval", "off"],
            LoopbackCloudWatch.Environment(server.Url));
        await run.WaitUntilStartedAsync();

        // 6,000 reports whose 4 cores all change every report: read faster than real time, every 150 of them fill
        // an interval (150 distinct values a core) and are sent at once: 40 batches of 4 datums of ~3 KB each.
        await run.WriteAsync(ReportsWithDistinctValues(6000));
        run.CloseStandardInput();
        var result = await run.WaitForExitAsync(RunTimeout);

        var flushes = result.StderrLines.Where(l => l.Contains("debug: flush: ", StringComparison.Ordinal)).ToList();
        flushes.Should().HaveCountGreaterThan(30, result.ToString());
        flushes.Select(l => long.Parse(BufferBytes().Match(l).Groups[1].Value, CultureInfo.InvariantCulture)).Should().OnlyContain(bytes => bytes <= MaxBytes);
        var summary = SummaryLine.Parse(result);
        summary["datums"].Should().BeGreaterThan(150);
        summary["dropped"].Should().BeGreaterThan(summary["datums"] / 2, "far more than 64 KiB of datums arrived");
        (summary["sent"] + summary["dropped"] + summary["in-doubt"]).Should().Be(summary["datums"]);
        result.Stderr.Should().Contain($"send buffer full ({MaxBytes} bytes)");
    }

    /// <summary>Reports of one inf1.xlarge whose 4 cores report a different utilization in every report.</summary>
    private static string ReportsWithDistinctValues(int count)
    {
        string line = File.ReadLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")).First();
        var report = System.Text.Json.Nodes.JsonNode.Parse(line)!;
        var cores = report["neuron_runtime_data"]![0]!["report"]!["neuroncore_counters"]!["neuroncores_in_use"]!.AsObject();
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            int core = 0;
            foreach (var (_, counters) in cores)
            {
                counters!["neuroncore_utilization"] = ((i % 997) / 10.0) + (core++ / 1000.0);
            }

            text.Append(report.ToJsonString()).Append('\n');
        }

        return text.ToString();
    }

    [GeneratedRegex(@"buffer holds \d+ datums, (\d+) bytes")]
    private static partial Regex BufferBytes();
}
