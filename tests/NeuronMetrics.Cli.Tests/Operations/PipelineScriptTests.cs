using System.Globalization;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>
/// samples/deploy/neuron-cw-pipeline.sh as a container runs it: PID 1 of its own PID namespace (unshare), with a
/// stand-in neuron-monitor that prints a sample and then keeps the pipe open like the real one. And the cron wrapper.
/// </summary>
public sealed class PipelineScriptTests : IDisposable
{
    private static readonly string Deploy = RepositoryFiles.Sample("deploy");
    private static readonly string Sample = RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl");

    private readonly string _work = OpsInputs.TempDirectory();

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task AsPid1_Signal_StopsMonitorLetsNeuronCwFlushAndExitsWithItsCode(string signal)
    {
        using var process = StartAsPid1(Environment(monitorThen: "exec sleep 600", cwArgs: "--dry-run --flush-interval 1h --stats-interval 1s"));
        await process.WaitUntilStartedAsync();
        await process.WaitForStderrLineAsync(l => l.Contains("stats: reports=12 ", StringComparison.Ordinal), "stats line with the whole sample read");

        Kill(Pid1(process.Id), signal);
        var run = await process.WaitForExitAsync(NeuronCwProcess.EventTimeout);

        run.ExitCode.Should().Be(0, run.ToString());
        SummaryLine.Parse(run)["reports"].Should().Be(12);
        DatumChecks.ShouldMatch(DryRunRequest.ParseAll(run).SelectMany(r => r.MetricData).ToList(), SampleExpectations.FromFile(Sample));
    }

    [Fact]
    public async Task AsPid1_NeuronCwFails_ExitsWithItsCodeAndStopsTheMonitor()
    {
        using var process = StartAsPid1(Environment(monitorThen: "exec sleep 600", cwArgs: "--dry-run --bogus"));

        var run = await process.WaitForExitAsync(NeuronCwProcess.EventTimeout); // the monitor would sleep 10 minutes if left running

        run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
        run.Stderr.Should().Contain("--bogus");
    }

    [Fact]
    public async Task AsPid1_MonitorFails_NeuronCwFlushesAndTheScriptExitsWithTheMonitorsCode()
    {
        using var process = StartAsPid1(Environment(monitorThen: "exit 7", cwArgs: "--dry-run --flush-interval 1h"));

        var run = await process.WaitForExitAsync(NeuronCwProcess.EventTimeout);

        run.ExitCode.Should().Be(7, run.ToString());
        run.Stderr.Should().Contain("neuron-cw-pipeline: neuron-monitor exited with 7");
        DryRunRequest.ParseAll(run).SelectMany(r => r.MetricData).Should().HaveCount(4, "neuron-cw flushed what it had read");
    }

    [Fact]
    public async Task MissingConfigFile_ExitsTwoNamingIt()
    {
        var environment = Environment(monitorThen: "exec sleep 600", cwArgs: "--dry-run");
        environment["NEURON_MONITOR_CONFIG"] = Path.Combine(_work, "absent.conf");

        var run = await NeuronCwProcess.RunShellAsync($"exec '{Path.Combine(Deploy, "neuron-cw-pipeline.sh")}'", "", environment);

        run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
        run.Stderr.Should().Contain($"NEURON_MONITOR_CONFIG={Path.Combine(_work, "absent.conf")} is not a file");
    }

    [Fact]
    public async Task CronWrapper_ReadsTheEnvFileRunsThePipelineOnceAndLogs()
    {
        var log = Path.Combine(_work, "neuron-cw.log");
        var environment = Environment(monitorThen: "sleep 3", cwArgs: "--dry-run --stats-interval off");
        environment["NEURON_CW_LOCK_FILE"] = Path.Combine(_work, "neuron-cw.lock");
        environment["NEURON_CW_LOG_FILE"] = log;
        environment["NEURON_CW_ENV_FILE"] = Path.Combine(_work, "neuron-cw.env");
        await File.WriteAllTextAsync(environment["NEURON_CW_ENV_FILE"]!, "NEURON_CW_NAMESPACE=\"Cron Test\"\nNEURON_CW_DIMENSION=\"Team=ML Platform\"\n");
        string cron = $"'{Path.Combine(Deploy, "neuron-cw-cron.sh")}'";

        using var first = NeuronCwProcess.StartShell("exec " + cron, environment);
        await WaitForLineAsync(log, "neuron-cw-cron: starting pipeline"); // the lock is taken before this line
        var second = await NeuronCwProcess.RunShellAsync("exec " + cron, "", environment); // the next minute's cron run
        var firstRun = await first.WaitForExitAsync(NeuronCwProcess.EventTimeout);

        second.ExitCode.Should().Be(0, "the pipeline is already running");
        firstRun.ExitCode.Should().Be(0, File.ReadAllText(log));
        var lines = File.ReadAllLines(log);
        lines.Count(l => l.Contains("neuron-cw-cron: starting pipeline", StringComparison.Ordinal)).Should().Be(1);
        lines.Should().Contain(l => l.Contains("neuron-cw-cron: pipeline exited with 0", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("{\"Namespace\":\"Cron Test\",\"MetricData\":[", StringComparison.Ordinal) && l.Contains("{\"Name\":\"Team\",\"Value\":\"ML Platform\"}", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("done: reports=12 ", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>The pipeline script as PID 1 of a new PID namespace; the returned process is unshare itself.</summary>
    private static NeuronCwProcess StartAsPid1(Dictionary<string, string?> environment) =>
        NeuronCwProcess.StartShell($"exec unshare --pid --fork --mount-proc '{Path.Combine(Deploy, "neuron-cw-pipeline.sh")}'", environment);

    private Dictionary<string, string?> Environment(string monitorThen, string cwArgs)
    {
        string config = Path.Combine(_work, "monitor.conf");
        File.Copy(RepositoryFiles.At("monitor.conf"), config, overwrite: true);
        return new Dictionary<string, string?>
        {
            ["NEURON_MONITOR"] = WriteScript("neuron-monitor", $"#!/bin/sh\ncat '{Sample}'\n{monitorThen}\n"),
            ["NEURON_CW"] = WriteScript("neuron-cw", "#!/bin/sh\nexec " + NeuronCwExecutable.ShellCommand() + " \"$@\"\n"),
            ["NEURON_MONITOR_CONFIG"] = config,
            ["NEURON_CW_ARGS"] = cwArgs,
        };
    }

    private string WriteScript(string name, string text)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, text);
        Run("chmod", "+x", path);
        return path;
    }

    /// <summary>The outer pid of the namespace's PID 1: the child unshare forked.</summary>
    private static int Pid1(int unshare)
    {
        foreach (string stat in Directory.GetDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)).Select(d => Path.Combine(d, "stat")))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                continue; // gone meanwhile
            }

            // pid (comm) state ppid ...: comm may hold spaces, so parse after its closing parenthesis.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            if (int.Parse(fields[1], CultureInfo.InvariantCulture) == unshare)
            {
                return int.Parse(text[..text.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"unshare ({unshare}) has no child");
    }

    private static void Kill(int pid, string signal) => Run("kill", "-" + signal, pid.ToString(CultureInfo.InvariantCulture));

    private static void Run(string file, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(file, arguments);
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"{file} {string.Join(' ', arguments)}");
    }

    private static async Task WaitForLineAsync(string file, string text)
    {
        var deadline = DateTime.UtcNow + NeuronCwProcess.EventTimeout;
        while (!File.Exists(file) || !File.ReadAllText(file).Contains(text, StringComparison.Ordinal))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, $"'{text}' should appear in {file}");
            await Task.Delay(20);
        }
    }
}
