using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Delivery;

/// <summary>Credentials CloudWatch refuses: not retried, said once a minute with what to fix, and a run that stops.</summary>
public sealed class AuthFailureTests
{
    [Fact]
    public async Task Run_EveryRequestRefusedForAuthFailureTimeout_ExitsFiveSayingWhatToFix()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Error(403, "InvalidClientTokenId"));
        using var run = NeuronCwProcess.Start(["--flush-interval", "1s", "--auth-failure-timeout", "3s", "--stats-interval", "off"], LoopbackCloudWatch.Environment(server.Url));
        await run.WaitUntilStartedAsync();

        ExitCodes.AuthFailure.Should().Be(5);
        NeuronCwResult result;
        await using (new ReportFeed(run))
        {
            // stdin stays open while reports keep coming: only the auth failure timeout can end the run.
            result = await run.WaitForExitAsync(TimeSpan.FromSeconds(90));
        }

        result.ExitCode.Should().Be(ExitCodes.AuthFailure, result.ToString());
        result.StderrLines.Should().ContainSingle(l => l.Contains("CloudWatch refused the request: InvalidClientTokenId", StringComparison.Ordinal))
            .Which.Should().Contain("check the access key");
        result.Stderr.Should().Contain("every CloudWatch request has failed on authentication or permission").And.Contain("stopping");
        var summary = SummaryLine.Parse(result);
        summary["retries"].Should().Be(0, "refused credentials are not retried");
        summary["requests"].Should().Be(server.Requests.Count).And.BeGreaterThanOrEqualTo(2, "the first refusal starts the 3 s, a later one ends the run");
        summary["sent"].Should().Be(0);
    }
}
