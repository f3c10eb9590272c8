using System.Diagnostics;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>CloudWatch down, slow or back: spawned neuron-cw against a local HTTP server.</summary>
public sealed class OutageTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(90);

    private readonly string _home = OpsInputs.TempDirectory();

    private Dictionary<string, string?> Environment(string endpoint)
    {
        var env = OpsProcessRunner.CleanEnvironment(_home);
        env["AWS_ACCESS_KEY_ID"] = "AKIDOPSTEST";
        env["AWS_SECRET_ACCESS_KEY"] = "ops-test-secret";
        env["AWS_REGION"] = "us-east-1";
        env["AWS_ENDPOINT_URL_CLOUDWATCH"] = endpoint;
        return env;
    }

    [Fact]
    public async Task Run_OutageThenRecovery_EverythingWithinBoundDelivered()
    {
        var down = Stopwatch.StartNew();
        await using var server = new OpsHttpServer((_, _) => Task.FromResult(
            down.Elapsed < TimeSpan.FromSeconds(3) ? OpsHttpServer.ServiceUnavailable : OpsHttpServer.Ok));

        using var run = await OpsProcessRunner.RunAsync(
            ["--shutdown-timeout", "60s", "--stats-interval", "off"], Environment(server.Url), OpsInputs.ReportsForInstances(5), ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        run.Stat("datums").Should().Be(20);
        run.Stat("sent").Should().Be(20);
        run.Stat("dropped").Should().Be(0);
        run.Stat("retries").Should().BeGreaterThan(0);
        server.DeliveredDatums.Should().Be(20);
        run.Stderr.Should().Contain("retrying in");
    }

    [Fact]
    public async Task Run_OutageBeyondBufferBound_DropCountExact()
    {
        var down = Stopwatch.StartNew();
        await using var server = new OpsHttpServer((_, _) => Task.FromResult(
            down.Elapsed < TimeSpan.FromSeconds(3) ? OpsHttpServer.ServiceUnavailable : OpsHttpServer.Ok));

        // 20 instances → 20 batches of 4 datums, all queued at end of input; the buffer holds 10 datums.
        using var run = await OpsProcessRunner.RunAsync(
            ["--max-buffered-datums", "10", "--shutdown-timeout", "60s"], Environment(server.Url), OpsInputs.ReportsForInstances(20), ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.DataDropped, run.Stderr);
        run.Stat("datums").Should().Be(80);
        long sent = run.Stat("sent");
        long dropped = run.Stat("dropped");
        sent.Should().Be(server.DeliveredDatums).And.BeInRange(4, 12);
        (sent + dropped).Should().Be(80);
        run.Stat("buffered").Should().Be(0);
        run.Stderr.Should().Contain("send buffer full (10 datums)");
    }

    [Fact]
    public async Task Sigterm_SlowEndpoint_ExitsWithinShutdownTimeoutAndReportsDrops()
    {
        // Never answers in time: every attempt hits the 10 s attempt timeout.
        await using var server = new OpsHttpServer(async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(60));
            return OpsHttpServer.Ok;
        });
        using var run = OpsProcessRunner.Start(["--shutdown-timeout", "2s"], Environment(server.Url));
        await run.Stdin.WriteAsync(OpsInputs.ReportsForInstances(3));
        await run.Stdin.FlushAsync();
        await Task.Delay(TimeSpan.FromSeconds(2)); // reports read (stdin stays open, as neuron-monitor keeps it)

        var stopwatch = Stopwatch.StartNew();
        run.SendSigterm();
        int code = await run.WaitForExitAsync(TimeSpan.FromSeconds(30));
        stopwatch.Stop();

        code.Should().Be(ExitCodes.DataDropped, run.Stderr);
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2) + TimeSpan.FromSeconds(3), "the shutdown timeout is 2 s");
        run.Stat("reports").Should().Be(36);
        run.Stat("dropped").Should().Be(12);
        run.Stat("sent").Should().Be(0);
        run.Stderr.Should().Contain("stopping: flushing buffered data").And.Contain("shutdown timeout (2 s)");
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
