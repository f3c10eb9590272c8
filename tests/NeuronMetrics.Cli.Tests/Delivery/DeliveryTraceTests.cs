using System.Text.RegularExpressions;
using NeuronMetrics.Cli.Tests.Operations;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Delivery;

/// <summary>What a person watching the journal sees of delivery: the first accepted batch, and at debug every request and flush.</summary>
public sealed partial class DeliveryTraceTests
{
    [Fact]
    public async Task Run_LogLevelDebug_OneLinePerRequestAndPerFlushMatchingWhatWasSent()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok());

        var run = await NeuronCwProcess.RunAsync(["--log-level", "debug", "--stats-interval", "off"], OpsInputs.ReportsForInstances(2), LoopbackCloudWatch.Environment(server.Url), TimeSpan.FromSeconds(60));

        run.ExitCode.Should().Be(ExitCodes.Success, run.ToString());
        run.StderrLines.Should().ContainSingle(l => l.StartsWith("neuron-cw: debug: flush: ", StringComparison.Ordinal))
            .Which.Should().StartWith("neuron-cw: debug: flush: 8 datums in 2 batch(es); buffer holds ");
        var attempts = run.StderrLines.Where(l => l.StartsWith("neuron-cw: debug: PutMetricData attempt ", StringComparison.Ordinal)).ToList();
        attempts.Should().HaveCount(2);
        server.Requests.Should().HaveCount(2);
        foreach (var (line, request) in attempts.Zip(server.Requests))
        {
            var match = Attempt().Match(line);
            match.Success.Should().BeTrue(line);
            match.Groups["datums"].Value.Should().Be("4");
            int.Parse(match.Groups["body"].Value, System.Globalization.CultureInfo.InvariantCulture).Should().Be(request.Body.Length, "a small body goes uncompressed");
        }

        run.StderrLines.Should().ContainSingle(l => l.Contains("first batch delivered", StringComparison.Ordinal))
            .Which.Should().Be("neuron-cw: info: first batch delivered: 4 datums");
    }

    [Fact]
    public async Task Run_LogLevelInfo_FirstBatchSaidOnceAndNoDebugLines()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok());

        var run = await NeuronCwProcess.RunAsync([], OpsInputs.ReportsForInstances(3), LoopbackCloudWatch.Environment(server.Url), TimeSpan.FromSeconds(60));

        run.ExitCode.Should().Be(ExitCodes.Success, run.ToString());
        run.StderrLines.Should().ContainSingle(l => l == "neuron-cw: info: first batch delivered: 4 datums");
        run.Stderr.Should().NotContain("debug:");
    }

    [GeneratedRegex(@"^neuron-cw: debug: PutMetricData attempt 1: (?<datums>\d+) datums, body (?<body>\d+) bytes, HTTP 200, \d+ ms, request id hdr-200$")]
    private static partial Regex Attempt();
}
