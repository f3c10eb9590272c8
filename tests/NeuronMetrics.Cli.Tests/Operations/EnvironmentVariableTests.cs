using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>Every option from its NEURON_CW_* variable: no word splitting, the flag wins, errors name the variable.</summary>
public sealed class EnvironmentVariableTests
{
    private static readonly string Sample = RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl");

    [Fact]
    public async Task Variables_ValuesWithSpacesAndSeveralDimensions_SetLikeFlags()
    {
        var run = await NeuronCwProcess.RunAsync([], await File.ReadAllBytesAsync(Sample), new Dictionary<string, string?>
        {
            ["NEURON_CW_DRY_RUN"] = "true",
            ["NEURON_CW_DIMENSION"] = "Team=ML Platform;Env=prod, eu",
            ["NEURON_CW_DIMENSIONS"] = "InstanceId,InstanceType",
            ["NEURON_CW_NAMESPACE"] = "Neuron Fleet",
            ["NEURON_CW_AGGREGATION"] = "statistics",
        });

        run.ExitCode.Should().Be(0, run.ToString());
        var datums = DryRunRequest.ParseAll(run).SelectMany(r => r.MetricData).ToList();
        DryRunRequest.ParseAll(run).Should().OnlyContain(r => r.Namespace == "Neuron Fleet");
        datums.Should().NotBeEmpty().And.OnlyContain(d =>
            d.Dimensions["Team"] == "ML Platform" && d.Dimensions["Env"] == "prod, eu" && d.Dimensions["InstanceType"] == "inf1.xlarge");
        run.Stdout.Should().Contain("\"StatisticValues\"");
    }

    [Fact]
    public async Task DeliveryVariables_SetLikeFlags()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok());
        var environment = LoopbackCloudWatch.Environment(server.Url);
        environment["NEURON_CW_CONNECT_TIMEOUT"] = "2s";
        environment["NEURON_CW_MAX_BUFFERED_DATUMS"] = "1000";

        var run = await NeuronCwProcess.RunAsync([], await File.ReadAllBytesAsync(Sample), environment);

        run.ExitCode.Should().Be(0, run.ToString());
        run.StderrLines.Should().ContainSingle(l => l.Contains(" started: ", StringComparison.Ordinal)).Which.Should()
            .Contain(" max-buffered-datums=1000 connect-timeout=2s;");
        PutMetricDataRequests.DeliveredDatums(server.Requests).Should().Be(PutMetricDataRequests.ExpectedSampleDatums(server.Requests)).And.BeInRange(4, 8);
    }

    [Fact]
    public async Task Flag_WinsOverItsVariable()
    {
        var run = await NeuronCwProcess.RunAsync(
            ["--dry-run", "--namespace", "FromFlag"], await File.ReadAllBytesAsync(Sample), new Dictionary<string, string?> { ["NEURON_CW_NAMESPACE"] = "FromVariable" });

        run.ExitCode.Should().Be(0, run.ToString());
        DryRunRequest.ParseAll(run).Should().NotBeEmpty().And.OnlyContain(r => r.Namespace == "FromFlag");
    }

    [Fact]
    public async Task EmptyVariable_CountsAsUnset()
    {
        var run = await NeuronCwProcess.RunAsync(["--dry-run"], await File.ReadAllBytesAsync(Sample), new Dictionary<string, string?> { ["NEURON_CW_NAMESPACE"] = "" });

        run.ExitCode.Should().Be(0, run.ToString());
        DryRunRequest.ParseAll(run).Should().OnlyContain(r => r.Namespace == "Neuron");
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("--help")]
    public async Task VersionAndHelp_IgnoreTheVariables(string flag)
    {
        var run = await NeuronCwProcess.RunAsync([flag], "", new Dictionary<string, string?> { ["NEURON_CW_LOG_FORMAT"] = "json", ["NEURON_CW_FLUSH_INTERVAL"] = "soon" });

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stderr.Should().BeEmpty();
    }

    [Theory]
    [InlineData("NEURON_CW_FLUSH_INTERVAL", "soon", "--flush-interval: invalid duration 'soon'")]
    [InlineData("NEURON_CW_REGION", "tokyo", "--region: 'tokyo' is not a region name")]
    [InlineData("NEURON_CW_DRY_RUN", "maybe", "NEURON_CW_DRY_RUN: 'maybe' is not true or false (--dry-run)")]
    [InlineData("NEURON_CW_READ_TIMEOUT", "50ms", "--read-timeout: 50ms is out of range (100ms to 1h)")]
    [InlineData("NEURON_CW_MAX_BUFFER_BYTES", "1000", "--max-buffer-bytes: must be at least 65536")]
    public async Task BadVariable_ExitsTwoNamingItWithoutReadingStdin(string variable, string value, string message)
    {
        using var process = NeuronCwProcess.Start([], new Dictionary<string, string?> { [variable] = value });
        var run = await process.WaitForExitAsync(NeuronCwProcess.EventTimeout); // stdin stays open: a process that read it would never exit

        run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
        run.StderrLines.Should().ContainSingle(l => l.StartsWith("neuron-cw: error: ", StringComparison.Ordinal)).Which.Should()
            .Contain(message).And.Contain(variable);
    }
}
