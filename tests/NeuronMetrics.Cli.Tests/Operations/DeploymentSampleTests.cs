using System.Diagnostics;
using System.Text.Json;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>The samples in samples/deploy parse and carry what running unattended needs; the README installs what they read.</summary>
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
        sections["Service"]["RestartPreventExitStatus"].Should().Be("2", "a bad flag or config must not restart every 10 s forever");
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
            .Should().Contain(["NEURON_MONITOR", "NEURON_CW", "NEURON_CW_ARGS", "NEURON_CW_LOG_FORMAT"]);
        // Every /dev/neuronN of the instance (an inf1.24xlarge has 16): listing devices would name only some.
        container.GetProperty("privileged").GetBoolean().Should().BeTrue();
        container.TryGetProperty("linuxParameters", out _).Should().BeFalse();
        document.RootElement.GetProperty("networkMode").GetString().Should().Be("host", "instance metadata is reachable from the host network");
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
            namespaces = [d["metadata"]["name"] for d in docs if d["kind"] == "Namespace"]
            used = {d["metadata"]["namespace"] for d in docs if d["kind"] != "Namespace"}
            assert used <= set(namespaces) and used, (used, namespaces)
            assert ds["spec"]["template"]["spec"]["hostNetwork"] is True
            print("ok", kinds)
            """;
        var script = Path.Combine(_work, "check.py");
        File.WriteAllText(script, check.Replace("\n    ", "\n", StringComparison.Ordinal));

        var (code, output) = Run("python3", [script, Path.Combine(Deploy, "kubernetes-daemonset.yaml")]);

        code.Should().Be(0, output);
        output.Should().Contain("ok");
    }

    [Fact]
    public void Readme_InstallsWhatTheSamplesRead()
    {
        string readme = File.ReadAllText(RepositoryFiles.At("README.md"));

        readme.Should().Contain("monitor.conf /etc/neuron-cw/monitor.conf", "the unit's NEURON_MONITOR_CONFIG");
        readme.Should().Contain("samples/deploy/neuron-cw.env /etc/neuron-cw/", "the unit's EnvironmentFile and the cron script's settings");
        readme.Should().Contain("samples/deploy/neuron-cw-cron.sh /usr/local/bin/", "the crontab line runs /usr/local/bin/neuron-cw-cron.sh");
        readme.Should().Contain("samples/deploy/neuron-cw-pipeline.sh /usr/local/bin/");
    }

    [Fact]
    public void EnvFile_ReadTheSameBySystemdAndBash()
    {
        var (code, output) = Run("bash", ["-c", "set -a; source \"$0\"; set +a; env", Path.Combine(Deploy, "neuron-cw.env")]);

        code.Should().Be(0, output);
        output.Should().Contain("NEURON_MONITOR_CONFIG=/etc/neuron-cw/monitor.conf\n").And.Contain("NEURON_CW_LOG_FORMAT=text\n");
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
