using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests;

/// <summary>Signals while input is still open: buffered data is flushed, then a clean exit. Waits are for lines, never sleeps.</summary>
public sealed class SignalEndToEndTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    [InlineData("HUP")]
    public async Task Signal_MidStream_FlushesBufferedDatumsAndExitsZero(string signal)
    {
        var lines = File.ReadAllLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl"));
        var written = lines.Take(5).ToList();

        // A 1 h flush interval: nothing reaches stdout unless the signal's flush does it.
        using var process = NeuronCwProcess.Start(["--dry-run", "--flush-interval", "1h", "--shutdown-timeout", "5s", "--stats-interval", "1s"]);
        await process.WaitUntilStartedAsync();
        await process.WriteAsync(string.Join('\n', written) + "\n");
        await process.WaitForStderrLineAsync(l => l.Contains($"stats: reports={written.Count} ", StringComparison.Ordinal), "stats line with every report read");
        process.HasExited.Should().BeFalse("stdin is still open");

        process.SendSignal(signal);
        var result = await process.WaitForExitAsync(NeuronCwProcess.EventTimeout);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StderrLines.Should().Contain(l => l.Contains("stopping", StringComparison.Ordinal));
        SummaryLine.Parse(result)["reports"].Should().Be(written.Count);
        DatumChecks.ShouldMatch(DryRunRequest.ParseAll(result).SelectMany(r => r.MetricData).ToList(), SampleExpectations.FromLines(written));
    }

    [Fact]
    public async Task Sigterm_DuringStartup_ExitsZeroWithoutReadingInsteadOfDying()
    {
        // No region configured: neuron-cw asks instance metadata at startup, which takes its time (up to --imds-timeout 1m).
        await using var imds = new FakeImds(FakeImds.Document("i-0abc", "inf2.xlarge", "us-west-2a", "us-west-2"), delay: TimeSpan.FromMinutes(2));
        var environment = imds.Environment();
        environment["AWS_ACCESS_KEY_ID"] = "AKIDSIGNALTEST";
        environment["AWS_SECRET_ACCESS_KEY"] = "signal-test-secret";
        using var process = NeuronCwProcess.Start(["--imds-timeout", "1m"], environment);
        await WaitForRequestAsync(imds);

        process.SendSigterm();
        var result = await process.WaitForExitAsync(NeuronCwProcess.EventTimeout);

        result.ExitCode.Should().Be(0, "a signal during setup is a stop request, not a crash (143)\n" + result);
        result.StderrLines.Should().ContainSingle(l => l.Contains("stopped by a signal before reading any input", StringComparison.Ordinal));
        result.Stdout.Should().BeEmpty();
    }

    private static async Task WaitForRequestAsync(FakeImds imds)
    {
        var deadline = DateTime.UtcNow + NeuronCwProcess.EventTimeout;
        while (imds.Requests.Count == 0)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "neuron-cw asks instance metadata for the region at startup");
            await Task.Delay(20);
        }
    }
}
