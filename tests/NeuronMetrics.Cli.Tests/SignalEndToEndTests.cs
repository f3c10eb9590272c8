using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests;

/// <summary>SIGTERM while input is still open: buffered data is flushed, then a clean exit.</summary>
public sealed class SignalEndToEndTests
{
    [Fact]
    public async Task Sigterm_MidStream_FlushesBufferedDatumsAndExitsZero()
    {
        var lines = File.ReadAllLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl"));
        var written = lines.Take(5).ToList();

        // A 1 h flush interval: nothing reaches stdout unless the SIGTERM flush does it.
        using var process = NeuronCwProcess.Start(["--dry-run", "--flush-interval", "1h", "--shutdown-timeout", "5s"]);
        await process.WriteAsync(string.Join('\n', written) + "\n");
        await process.WaitUntilInputReadAsync(TimeSpan.FromSeconds(15));
        await Task.Delay(300); // the bytes are read; let the reader finish parsing them
        process.HasExited.Should().BeFalse("stdin is still open");

        process.SendSigterm();
        var result = await process.WaitForExitAsync(TimeSpan.FromSeconds(10));

        result.ExitCode.Should().Be(0, result.ToString());
        result.StderrLines.Should().Contain(l => l.Contains("stopping", StringComparison.Ordinal));
        SummaryLine.Parse(result)["reports"].Should().Be(written.Count);
        DatumChecks.ShouldMatch(DryRunRequest.ParseAll(result).SelectMany(r => r.MetricData).ToList(), SampleExpectations.FromLines(written));
    }
}
