namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>Each documented exit code from the spawned executable.</summary>
public sealed class ExitCodeTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private readonly string _home = OpsInputs.TempDirectory();

    [Fact]
    public async Task DryRun_AllDelivered_ExitsZero()
    {
        using var run = await OpsProcessRunner.RunAsync(["--dry-run"], OpsProcessRunner.CleanEnvironment(_home), OpsInputs.ReportsForInstances(1), ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        run.Stat("sent").Should().Be(4);
    }

    [Theory]
    [InlineData("--flush-interval", "soon")]
    [InlineData("--output", "syslog")]
    [InlineData("--log-format", "xml")]
    [InlineData("--stats-interval", "-1s")]
    public async Task BadFlag_ExitsTwoBeforeReading(string flag, string value)
    {
        using var run = await OpsProcessRunner.RunAsync(["--dry-run", flag, value], OpsProcessRunner.CleanEnvironment(_home), "", ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.Stderr.Should().Contain(flag);
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task DryRunWithEmf_ExitsTwo()
    {
        using var run = await OpsProcessRunner.RunAsync(["--dry-run", "--output", "emf"], OpsProcessRunner.CleanEnvironment(_home), "", ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.Stderr.Should().Contain("--dry-run and --output emf");
    }

    [Fact]
    public async Task BadConfigFile_ExitsTwoNamingTheFile()
    {
        var config = Path.Combine(_home, "monitor.conf");
        await File.WriteAllTextAsync(config, "{ \"neuron_runtimes\": 7 }");

        using var run = await OpsProcessRunner.RunAsync(["--dry-run", "-c", config], OpsProcessRunner.CleanEnvironment(_home), "", ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.Stderr.Should().Contain(config);
    }

    [Fact]
    public async Task NoCredentials_ExitsFourBeforeReading()
    {
        using var run = await OpsProcessRunner.RunAsync(["--region", "us-east-1"], OpsProcessRunner.CleanEnvironment(_home), OpsInputs.ReportsForInstances(1), ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.NoCredentials, run.Stderr);
        run.Stderr.Should().Contain("credentials").And.NotContain("done:");
    }

    [Fact]
    public async Task EmfOutput_NeedsNoCredentials_ExitsZero()
    {
        using var run = await OpsProcessRunner.RunAsync(["--output", "emf"], OpsProcessRunner.CleanEnvironment(_home), OpsInputs.ReportsForInstances(1), ExitTimeout);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        run.Stdout.Should().Contain("\"_aws\"");
    }

    [Fact]
    public async Task UnreadableInput_ExitsOneWithOneLine()
    {
        // stdin is a directory: reading it fails with EISDIR, a failure nobody planned for.
        var (exe, prefix) = OpsProcessRunner.Executable();
        string command = string.Join(' ', new[] { exe }.Concat(prefix).Select(a => $"'{a}'")) + " --dry-run < /";
        using var run = await OpsProcessRunner.RunAsync(["-c", command], OpsProcessRunner.CleanEnvironment(_home), "", ExitTimeout, shell: true);

        run.ExitCode.Should().Be(ExitCodes.Failure, run.Stderr);
        run.Stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("unexpected failure");
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
