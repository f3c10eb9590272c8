using System.Text.Json;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>What must not take the process down or let bad metadata in: a closed stderr, hostile ECS task metadata, usage errors in JSON.</summary>
public sealed class HardeningTests
{
    private static readonly string Sample = RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl");

    [Fact]
    public async Task ClosedStderr_DryRun_RunsToTheEnd()
    {
        var run = await NeuronCwProcess.RunShellAsync($"{NeuronCwExecutable.ShellCommand()} --dry-run < '{Sample}' 2>&-", "");

        run.ExitCode.Should().Be(0, run.ToString());
        // 4 cores, stamped on arrival: 4 datums per minute the reports were read in (2 minutes across a boundary).
        var datums = DryRunRequest.ParseAll(run).SelectMany(r => r.MetricData).ToList();
        datums.Should().HaveCount(4 * datums.Select(d => d.Timestamp).Distinct().Count()).And.HaveCountLessThanOrEqualTo(8);
    }

    [Fact]
    public async Task ClosedStderr_UsageError_ExitsTwo()
    {
        var run = await NeuronCwProcess.RunShellAsync($"{NeuronCwExecutable.ShellCommand()} --bogus 2>&-", "");

        run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("cost --instance-type inf1.xlarge")]
    public async Task ClosedStdout_TextOutput_ExitsZeroQuietly(string arguments)
    {
        var run = await NeuronCwProcess.RunShellAsync($"{NeuronCwExecutable.ShellCommand()} {arguments} >&-", "");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task UsageErrors_LogFormatJson_OneJsonObjectPerError()
    {
        var run = await NeuronCwProcess.RunAsync(["--log-format", "json", "--flush-interval", "0.1ms", "--bogus"], "");

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.StderrLines.Should().HaveCount(2);
        foreach (string line in run.StderrLines)
        {
            using var document = JsonDocument.Parse(line);
            document.RootElement.GetProperty("level").GetString().Should().Be("error");
        }

        run.Stderr.Should().Contain("--flush-interval: 0.1ms is out of range").And.Contain("--bogus").And.Contain("see 'neuron-cw --help'");
    }

    public static TheoryData<string, byte[], string> HostileTaskMetadata() => new()
    {
        { "a 100k-character cluster name", JsonBytes("{\"Cluster\":\"" + new string('c', 100_000) + "\",\"Family\":\"f\"}"), "Cluster: value of dimension 'ClusterName' is longer than 1024 characters" },
        { "control characters", JsonBytes("{\"Cluster\":\"ml\\u001b[31m\",\"Family\":\"f\"}"), "Cluster contains control characters" },
        { "invalid UTF-8", [.. "{\"Cluster\":\"m"u8, 0xFF, .. "l\",\"Family\":\"f\"}"u8], "invalid UTF-8" },
    };

    [Theory]
    [MemberData(nameof(HostileTaskMetadata))]
    public async Task EcsTaskMetadata_Unsendable_ExitsTwoBeforeReadingStdin(string what, byte[] body, string message)
    {
        await using var server = new ScriptedHttpServer(new ScriptedReply(200, "", "application/json") { RawBody = body });
        using var process = NeuronCwProcess.Start(["--dry-run", "--dimensions", "ClusterName"], new Dictionary<string, string?> { ["ECS_CONTAINER_METADATA_URI_V4"] = server.BaseUrl + "/v4/x" });

        var run = await process.WaitForExitAsync(NeuronCwProcess.EventTimeout); // stdin stays open

        run.ExitCode.Should().Be(ExitCodes.UsageError, what + "\n" + run);
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith("neuron-cw: error: --dimensions ClusterName/TaskFamily: ").And.Contain(message);
    }

    [Fact]
    public async Task EcsTaskMetadata_RedirectElsewhere_NotFollowed()
    {
        await using var elsewhere = new ScriptedHttpServer(new ScriptedReply(200, "{\"Cluster\":\"x\",\"Family\":\"f\"}", "application/json"));
        await using var server = new ScriptedHttpServer(new ScriptedReply(307, "", "text/plain") { Headers = new Dictionary<string, string> { ["Location"] = elsewhere.BaseUrl + "/task" } });
        using var process = NeuronCwProcess.Start(["--dry-run", "--dimensions", "ClusterName"], new Dictionary<string, string?> { ["ECS_CONTAINER_METADATA_URI_V4"] = server.BaseUrl + "/v4/x" });

        var run = await process.WaitForExitAsync(NeuronCwProcess.EventTimeout);

        run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
        run.Stderr.Should().Contain("HTTP 307 (redirects are not followed)");
        elsewhere.Requests.Should().BeEmpty();
    }

    private static byte[] JsonBytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
