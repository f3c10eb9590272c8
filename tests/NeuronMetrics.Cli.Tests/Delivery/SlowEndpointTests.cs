using NeuronMetrics.Cli.Tests.Operations;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Delivery;

/// <summary>A CloudWatch that takes its time: requests are answered once, not sent again while it works.</summary>
public sealed class SlowEndpointTests
{
    [Fact]
    public async Task Run_EndpointAnswersAfter12Seconds_EachDatumArrivesExactlyOnce()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok().Slow(TimeSpan.FromSeconds(12)));

        var run = await NeuronCwProcess.RunAsync(
            ["--shutdown-timeout", "90s", "--stats-interval", "off"], OpsInputs.ReportsForInstances(1), LoopbackCloudWatch.Environment(server.Url), TimeSpan.FromSeconds(120));

        run.ExitCode.Should().Be(ExitCodes.Success, run.ToString());
        server.Requests.Should().ContainSingle("the default 60 s read timeout waits for the answer instead of sending again");
        var datums = PutMetricDataRequests.DatumKeys(server.Requests);
        int expected = PutMetricDataRequests.ExpectedSampleDatums(server.Requests);
        expected.Should().BeInRange(4, 8);
        datums.Should().HaveCount(expected).And.OnlyHaveUniqueItems();
        var summary = SummaryLine.Parse(run);
        summary["sent"].Should().Be(expected);
        summary["in-doubt"].Should().Be(0);
    }
}
