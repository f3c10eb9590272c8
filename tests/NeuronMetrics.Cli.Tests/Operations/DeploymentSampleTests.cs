using System.Diagnostics;
using System.Text.Json;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>The samples in samples/deploy parse, and the cron wrapper runs the real pipeline end to end.</summary>
public sealed class DeploymentSampleTests : IDisposable
{
    private static readonly string Deploy = RepositoryFiles.Sample("deploy");

    private readonly string _work = OpsInputs.TempDirectory();

    [Theory]
    [InlineData("neuron-cw-pipeline.sh")]
    [InlineData("neuron-cw-cron.sh")]
    public void ShellScripts_BashSyntaxOk(string script)
    {
        var (code, output) = Run("bash", ["-n", Path.Combine(Deploy, script)]);

        code.Should().Be(0, output);
    }

    [Fact]
    public void SystemdUnit_ParsesWithRequiredSettings()
    {
        var unit = File.ReadAllLines(Path.Combine(Deploy, "neuron-cw.service"));
        var sections = new Dictionary<string, Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var raw in unit)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = sections[line[1..^1]] = [];
                continue;
            }

            current.Should().NotBeNull($"'{line}' must be inside a section");
            line.Should().Contain("=", "unit lines are Key=Value");
            var key = line[..line.IndexOf('=')];
            current![key] = line[(line.IndexOf('=') + 1)..];
        }

        sections.Keys.Should().Contain(["Unit", "Service", "Install"]);
        sections["Service"]["Restart"].Should().Be("always");
        sections["Service"]["EnvironmentFile"].Should().Contain("neuron-cw.env");
        sections["Service"]["ExecStart"].Should().EndWith("neuron-cw-pipeline.sh");

        if (File.Exists("/usr/bin/systemd-analyze"))
        {
            // Verifies syntax and directives; missing binaries on this machine are reported, not syntax errors.
            var (_, output) = Run("systemd-analyze", ["verify", "--man=no", Path.Combine(Deploy, "neuron-cw.service")]);
            output.Should().NotContainAny("Unknown key", "Unknown section", "Failed to parse", "Invalid");
        }
    }

    [Fact]
    public void EcsTaskDefinition_ValidJsonConfiguredByEnvironment()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Deploy, "ecs-task-definition.json")));
        var container = document.RootElement.GetProperty("containerDefinitions")[0];

        container.GetProperty("command")[0].GetString().Should().EndWith("neuron-cw-pipeline.sh");
        container.GetProperty("environment").EnumerateArray().Select(e => e.GetProperty("name").GetString())
            .Should().Contain(["NEURON_MONITOR", "NEURON_CW", "NEURON_CW_ARGS"]);
        container.GetProperty("logConfiguration").GetProperty("logDriver").GetString().Should().Be("awslogs");
    }

    [Fact]
    public void KubernetesDaemonSet_ParsesAsYaml()
    {
        const string check = """
            import sys, yaml
            docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
            kinds = [d["kind"] for d in docs]
            assert "DaemonSet" in kinds, kinds
            ds = next(d for d in docs if d["kind"] == "DaemonSet")
            c = ds["spec"]["template"]["spec"]["containers"][0]
            assert c["command"][0].endswith("neuron-cw-pipeline.sh"), c
            assert ds["spec"]["selector"]["matchLabels"] == ds["spec"]["template"]["metadata"]["labels"]
            print("ok", kinds)
            """;
        var script = Path.Combine(_work, "check.py");
        File.WriteAllText(script, check.Replace("\n    ", "\n", StringComparison.Ordinal));

        var (code, output) = Run("python3", [script, Path.Combine(Deploy, "kubernetes-daemonset.yaml")]);

        code.Should().Be(0, output);
        output.Should().Contain("ok");
    }

    [Fact]
    public async Task CronWrapper_FakeMonitor_RunsPipelineOnceAndLogs()
    {
        var sample = RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl");
        var monitor = WriteScript("neuron-monitor", $"#!/bin/sh\ncat '{sample}'\nsleep 3\n");
        var cw = WriteScript("neuron-cw", "#!/bin/sh\nexec " + NeuronCwExecutable.ShellCommand() + " \"$@\"\n");
        var log = Path.Combine(_work, "neuron-cw.log");
        var env = new Dictionary<string, string>
        {
            ["NEURON_MONITOR"] = monitor,
            ["NEURON_CW"] = cw,
            ["NEURON_MONITOR_CONFIG"] = Path.Combine(_work, "absent.conf"),
            ["NEURON_CW_ARGS"] = "--dry-run --stats-interval off",
            ["NEURON_CW_LOCK_FILE"] = Path.Combine(_work, "neuron-cw.lock"),
            ["NEURON_CW_LOG_FILE"] = log,
        };
        var cron = Path.Combine(Deploy, "neuron-cw-cron.sh");

        using var first = Start(cron, env);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var (secondCode, _) = Run(cron, [], env); // the next minute's cron run: already running
        await first.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        secondCode.Should().Be(0);
        first.ExitCode.Should().Be(0, File.ReadAllText(log));
        var lines = File.ReadAllLines(log);
        lines.Count(l => l.Contains("neuron-cw-cron: starting pipeline", StringComparison.Ordinal)).Should().Be(1);
        lines.Should().Contain(l => l.Contains("neuron-cw-cron: pipeline exited with 0", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("{\"Namespace\":\"Neuron\",\"MetricData\":[", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("done: reports=12 ", StringComparison.Ordinal));
    }

    private string WriteScript(string name, string text)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, text);
        Run("chmod", ["+x", path]).Code.Should().Be(0);
        return path;
    }

    private static Process Start(string file, IReadOnlyDictionary<string, string>? env = null, IEnumerable<string>? args = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args ?? [])
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        return Process.Start(info)!;
    }

    private static (int Code, string Output) Run(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null)
    {
        using var process = Start(file, env, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
