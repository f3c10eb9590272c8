using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>
/// --run-monitor: neuron-cw starts a stand-in neuron-monitor itself, starts it again when it dies (keeping what it
/// read), and stops it on SIGTERM before flushing.
/// </summary>
public sealed class RunMonitorTests : IDisposable
{
    private static readonly string Sample = RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl");
    private static readonly string Config = RepositoryFiles.At("monitor.conf");

    private readonly string _work = OpsInputs.TempDirectory();

    [Fact]
    public async Task RunMonitor_MonitorDiesTwice_RestartedEveryReportKeptAndStoppedBySigterm()
    {
        // Run 1 prints the sample as instance i-run1 and fails (exit 7); run 2 prints it as i-run2 and ends (exit 0);
        // run 3 prints nothing, says it is waiting and waits for SIGTERM. Each run records its arguments; a SIGTERM is recorded too.
        string monitor = WriteStandIn();
        using var process = NeuronCwProcess.Start(["--dry-run", "--run-monitor", monitor, "-c", Config, "--stats-interval", "off"], new Dictionary<string, string?> { ["STAND_IN_DIR"] = _work });

        await process.WaitUntilStartedAsync();
        await process.WaitForStderrLineAsync(l => l.Contains("neuron-monitor exited with code 7", StringComparison.Ordinal), "the first exit");
        await process.WaitForStderrLineAsync(l => l.Contains("neuron-monitor exited with code 0", StringComparison.Ordinal), "the second exit");
        await WaitUntilWaitingAsync(); // run 3 has its SIGTERM trap set
        process.SendSigterm();
        var run = await process.WaitForExitAsync(NeuronCwProcess.EventTimeout);

        run.ExitCode.Should().Be(0, run.ToString());
        File.ReadAllLines(Path.Combine(_work, "args")).Should().Equal(Enumerable.Repeat($"-c {Config}", 3), "each run gets the same config");
        File.ReadAllText(Path.Combine(_work, "events")).Should().Contain("terminated", "neuron-monitor is stopped with SIGTERM");
        var expected = SampleExpectations.FromLines(Instance("i-run1").Concat(Instance("i-run2")));
        var sent = DryRunRequest.ParseAll(run).SelectMany(r => r.MetricData).GroupBy(d => d.Core).ToDictionary(g => g.Key, g => g.SelectMany(d => d.Samples).Order().ToList());
        sent.Keys.Should().BeEquivalentTo(expected.Values.Keys);
        foreach (var (core, values) in expected.Values)
        {
            sent[core].Should().Equal(values.Order(), core.ToString());
        }
    }

    [Fact]
    public async Task RunMonitor_PathMissing_ExitsTwoBeforeReading()
    {
        using var process = NeuronCwProcess.Start(["--dry-run", "--run-monitor", Path.Combine(_work, "no-such-monitor")]);

        var run = await process.WaitForExitAsync(NeuronCwProcess.EventTimeout); // stdin stays open

        run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith($"neuron-cw: error: --run-monitor: cannot start '{Path.Combine(_work, "no-such-monitor")}'");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private async Task WaitUntilWaitingAsync()
    {
        string events = Path.Combine(_work, "events");
        var deadline = DateTime.UtcNow + NeuronCwProcess.EventTimeout;
        while (!File.Exists(events) || !(await File.ReadAllTextAsync(events)).Contains("waiting", StringComparison.Ordinal))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the third run of the stand-in starts and waits");
            await Task.Delay(20);
        }
    }

    private static IEnumerable<string> Instance(string id) =>
        File.ReadAllLines(Sample).Where(l => l.Length > 0).Select(l => l.Replace("i-0123456789abcdef0", id, StringComparison.Ordinal));

    private string WriteStandIn()
    {
        File.WriteAllLines(Path.Combine(_work, "run1.jsonl"), Instance("i-run1"));
        File.WriteAllLines(Path.Combine(_work, "run2.jsonl"), Instance("i-run2"));
        string script = Path.Combine(_work, "neuron-monitor");
        File.WriteAllText(script, """
            #!/bin/sh
            trap 'echo terminated >> "$STAND_IN_DIR/events"; exit 0' TERM
            echo "$@" >> "$STAND_IN_DIR/args"
            echo x >> "$STAND_IN_DIR/runs"
            n=$(wc -l < "$STAND_IN_DIR/runs")
            case $n in
              1) cat "$STAND_IN_DIR/run1.jsonl"; exit 7 ;;
              2) cat "$STAND_IN_DIR/run2.jsonl"; exit 0 ;;
            esac
            echo waiting >> "$STAND_IN_DIR/events"
            while true; do sleep 0.1; done
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }
}
