using System.Text.Json;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>--log-format json and the stats line, from the spawned executable.</summary>
public sealed class LogOutputTests
{
    [Fact]
    public async Task LogFormatJson_EveryStderrLineIsOneObjectWithTimeLevelMessage()
    {
        var input = "{not json}\n" + OpsInputs.ReportsForInstances(1);

        var run = await NeuronCwProcess.RunAsync(["--dry-run", "--log-format", "json"], input, timeout: TimeSpan.FromSeconds(60));

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCountGreaterThanOrEqualTo(2);
        var messages = lines.Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            DateTimeOffset.Parse(root.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Should().BeAfter(DateTimeOffset.UnixEpoch);
            root.GetProperty("level").GetString().Should().BeOneOf("debug", "info", "warning", "error");
            return (Level: root.GetProperty("level").GetString(), Message: root.GetProperty("message").GetString()!);
        }).ToList();
        messages.Should().Contain(m => m.Level == "warning" && m.Message.StartsWith("line 1:", StringComparison.Ordinal));
        messages.Should().Contain(m => m.Level == "info" && m.Message.Contains("done: reports=12 rejected=1", StringComparison.Ordinal) && m.Message.Contains("sent=4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StatsInterval_WhileRunning_WritesPeriodicStatsLines()
    {
        using var process = NeuronCwProcess.Start(["--dry-run", "--stats-interval", "1s"]);
        await process.WaitUntilStartedAsync();
        await process.WriteAsync(OpsInputs.ReportsForInstances(1));

        // Two stats lines after all 12 reports were read, while stdin is still open: the second one is periodic.
        int seen = 0;
        await process.WaitForStderrLineAsync(l => l.Contains("info: stats: reports=12 ", StringComparison.Ordinal) && ++seen == 2, "second stats line");
        process.CloseStandardInput();
        var run = await process.WaitForExitAsync(NeuronCwProcess.EventTimeout);

        run.ExitCode.Should().Be(ExitCodes.Success, run.ToString());
        run.StderrLines.Count(l => l.Contains("info: stats: reports=12 ", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(2);
        run.Stderr.Should().Contain("buffered=");
    }
}
