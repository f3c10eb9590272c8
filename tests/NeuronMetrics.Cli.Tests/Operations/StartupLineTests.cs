using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>What a run says about itself: the startup line, --help, a terminal on stdin.</summary>
public sealed class StartupLineTests
{
    private static readonly string Version = typeof(CliApplication).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;

    [Fact]
    public async Task DryRun_StartupLine_StatesTheResolvedSettings()
    {
        string config = RepositoryFiles.Sample("monitor-all-groups.conf");

        var run = await NeuronCwProcess.RunAsync(
            ["--dry-run", "-c", config, "--dimensions", "InstanceId,InstanceType", "--dimension", "Team=ML Platform", "--flush-interval", "30s", "--aggregation", "statistics",
             "--metrics", "NeuronCoreUtilization,SystemMemoryUsed"],
            "");

        run.ExitCode.Should().Be(0, run.ToString());
        var line = run.StderrLines.Should().ContainSingle(l => l.Contains(" started: ", StringComparison.Ordinal)).Which;
        line.Should().StartWith($"neuron-cw: info: neuron-cw {Version} started: output=dry-run");
        line.Should().Contain($" config={config} ")
            .And.Contain(" namespace=Neuron ")
            .And.Contain(" groups=neuroncore_counters,memory_used,neuron_runtime_vcpu_usage,execution_stats,vcpu_usage,memory_info,neuron_hw_counters ")
            .And.Contain(" metrics=NeuronCoreUtilization,SystemMemoryUsed ")
            .And.Contain(" dimensions=InstanceId,InstanceType,Team=ML Platform ")
            .And.Contain(" flush-interval=30s aggregation=statistics resolution=60s ");
        run.StderrLines.ToList().IndexOf(line).Should().BeLessThan(run.StderrLines.ToList().FindIndex(l => l.Contains("done:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CloudWatch_StartupLine_RegionEndpointAndCredentialKindNeverTheKey()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok());
        const string Secret = "startup-line-secret-never-shown";

        var run = await NeuronCwProcess.RunAsync(
            ["--endpoint-url", server.BaseUrl + "/"],
            "",
            new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIDSTARTUPLINE", ["AWS_SECRET_ACCESS_KEY"] = Secret, ["AWS_REGION"] = "eu-west-1" });

        run.ExitCode.Should().Be(0, run.ToString());
        run.StderrLines.Should().ContainSingle(l => l.Contains(" started: ", StringComparison.Ordinal)).Which.Should()
            .Contain($"output=cloudwatch region=eu-west-1 (from AWS_REGION) endpoint={server.BaseUrl}/ credentials=environment variables namespace=Neuron");
        run.AllOutput.Should().NotContain(Secret).And.NotContain("AKIDSTARTUPLINE");
    }

    [Fact]
    public async Task CloudWatch_StartupLine_DeliverySettingsOnlyWhenChanged()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok());
        var environment = LoopbackCloudWatch.Environment(server.Url);

        var defaults = await NeuronCwProcess.RunAsync([], "", environment);
        var changed = await NeuronCwProcess.RunAsync(["--read-timeout", "5s", "--max-buffer-bytes", "1048576", "--auth-failure-timeout", "10m"], "", environment);
        var dryRun = await NeuronCwProcess.RunAsync(["--dry-run", "--read-timeout", "5s", "--max-buffered-datums", "100"], "");

        StartupLine(defaults).Should().NotContain("timeout=").And.NotContain("max-buffer");
        StartupLine(changed).Should().EndWith(" max-buffer-bytes=1048576 read-timeout=5s auth-failure-timeout=10m; reading neuron-monitor reports from stdin");
        StartupLine(dryRun).Should().Contain(" max-buffered-datums=100;").And.NotContain("read-timeout", "a dry run sends nothing over the network");
    }

    private static string StartupLine(NeuronCwResult run) =>
        run.StderrLines.Should().ContainSingle(l => l.Contains(" started: ", StringComparison.Ordinal), run.ToString()).Which;

    [Fact]
    public async Task Help_DefaultsAsTypedAndTheVariableOfEveryOption()
    {
        var run = await NeuronCwProcess.RunAsync(["--help"], "");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("[default: values]").And.Contain("[default: info]").And.Contain("[default: dimensional]")
            .And.Contain("[default: cloudwatch]").And.Contain("[default: text]").And.Contain("[default: 60s]").And.Contain("[default: 5m]")
            .And.Contain("[default: Neuron]").And.Contain("[default: 50000]").And.Contain("[default: 67108864]").And.Contain("[default: 10s]");
        run.Stdout.Should().NotContain("Values]").And.NotContain("Info]").And.NotContain("Dimensional]").And.NotContain("00:01:00");
        var definition = new CommandLineDefinition();
        definition.CreateRootCommand();
        foreach (var option in definition.RunOptions)
        {
            run.Stdout.Should().Contain($"[env: {EnvironmentOptions.VariableFor(option)}]");
        }

        run.Stdout.Should().Contain("[env: NEURON_CW_REGION]").And.Contain("[env: NEURON_CW_DIMENSIONS]").And.Contain("[env: NEURON_CW_NAMESPACE]");
    }

    [Fact]
    public async Task Cost_UsageError_PointsToTheCostHelp()
    {
        var run = await NeuronCwProcess.RunAsync(["cost", "--instances", "0", "--input", RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")], "");

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.StderrLines.Should().ContainSingle().Which.Should().Be("neuron-cw: error: --instances: must be at least 1; see 'neuron-cw cost --help'");
    }

    [Fact]
    public async Task StdinTerminal_SaysItReadsStdinAndWritesNoEscapeSequences()
    {
        // script(1) runs neuron-cw on a pseudo-terminal and copies everything the terminal shows to its stdout;
        // ^D (end of input on a terminal) ends the run once neuron-cw has said it started.
        using var script = TerminalSession.Start(NeuronCwExecutable.ShellCommand() + " --dry-run");
        var shown = new List<string>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.Run(async () =>
        {
            var all = new System.Text.StringBuilder();
            var buffer = new char[4096];
            int n;
            while ((n = await script.StandardOutput.ReadAsync(buffer)) > 0)
            {
                all.Append(buffer, 0, n);
                if (all.ToString().Contains("reads neuron-monitor reports from stdin", StringComparison.Ordinal))
                {
                    started.TrySetResult();
                }
            }

            return all.ToString();
        });

        await started.Task.WaitAsync(NeuronCwProcess.EventTimeout);
        await script.StandardInput.WriteAsync("\u0004");
        await script.StandardInput.FlushAsync();
        string terminal = await reading.WaitAsync(NeuronCwProcess.EventTimeout);
        await script.WaitForExitAsync().WaitAsync(NeuronCwProcess.EventTimeout);

        script.ExitCode.Should().Be(0, terminal);
        terminal.Should().Contain("stdin is a terminal: neuron-cw reads neuron-monitor reports from stdin");
        terminal.Should().Contain("done: reports=0 ");
        terminal.Should().NotContain("\u001b", "nothing but text reaches the terminal");
    }
}
