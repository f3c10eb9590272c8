using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>Each documented exit code from the spawned executable.</summary>
public sealed class ExitCodeTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private readonly string _work = OpsInputs.TempDirectory();

    [Fact]
    public async Task DryRun_AllDelivered_ExitsZero()
    {
        var run = await NeuronCwProcess.RunAsync(["--dry-run"], OpsInputs.ReportsForInstances(1), timeout: ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        // 4 cores, stamped on arrival: 4 datums per minute the reports were read in (2 minutes across a boundary).
        int minutes = DryRunRequest.ParseAll(run).SelectMany(r => r.MetricData).Select(d => d.Timestamp).Distinct().Count();
        minutes.Should().BeInRange(1, 2);
        SummaryLine.Parse(run)["sent"].Should().Be(4 * minutes);
    }

    [Theory]
    [InlineData("--flush-interval", "soon")]
    [InlineData("--output", "syslog")]
    [InlineData("--log-format", "xml")]
    [InlineData("--stats-interval", "-1s")]
    public async Task BadFlag_ExitsTwoBeforeReading(string flag, string value)
    {
        var run = await NeuronCwProcess.RunAsync(["--dry-run", flag, value], "", timeout: ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.Stderr.Should().Contain(flag);
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task DryRunWithEmf_ExitsTwo()
    {
        var run = await NeuronCwProcess.RunAsync(["--dry-run", "--output", "emf"], "", timeout: ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.Stderr.Should().Contain("--dry-run and --output emf");
    }

    [Fact]
    public async Task BadConfigFile_ExitsTwoNamingTheFile()
    {
        var config = Path.Combine(_work, "monitor.conf");
        await File.WriteAllTextAsync(config, "{ \"neuron_runtimes\": 7 }");

        var run = await NeuronCwProcess.RunAsync(["--dry-run", "-c", config], "", timeout: ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.Stderr.Should().Contain(config);
    }

    [Fact]
    public async Task NoCredentials_ExitsFourBeforeReading()
    {
        var run = await NeuronCwProcess.RunAsync(["--region", "us-east-1"], OpsInputs.ReportsForInstances(1), timeout: ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.NoCredentials, run.Stderr);
        run.Stderr.Should().Contain("credentials").And.NotContain("done:");
    }

    [Fact]
    public async Task EmfOutput_NeedsNoCredentials_ExitsZero()
    {
        var run = await NeuronCwProcess.RunAsync(["--output", "emf"], OpsInputs.ReportsForInstances(1), timeout: ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        run.Stdout.Should().Contain("\"_aws\"");
    }

    [Fact]
    public async Task UnreadableInput_ExitsOneWithOneLine()
    {
        // stdin is a directory: reading it fails with EISDIR, a failure nobody planned for.
        var run = await NeuronCwProcess.RunShellAsync(NeuronCwExecutable.ShellCommand() + " --dry-run < /", "", timeout: ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.Failure, run.Stderr);
        run.StderrLines.Where(l => l.Contains("error:", StringComparison.Ordinal)).Should().ContainSingle().Which.Should().Contain("unexpected failure");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
