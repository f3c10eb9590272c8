using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>
/// Loopback fakes of the ECS task metadata endpoint, the ECS container credentials endpoint and EC2 instance metadata
/// whose answers carry a header line the HTTP client quotes in its error: a secret, an access key id, terminal escapes
/// and a long tail. What neuron-cw logs of it is scrubbed, free of control characters and bounded.
/// </summary>
public sealed class HostileMetadataTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYHOSTILEKEY0";
    private const string KeyId = "AKIAHOSTILEECHO00001";
    private const int MaxLineLength = 1000;

    /// <summary>Not a valid header name (spaces, '=', controls): the HTTP client's error quotes all of it.</summary>
    private static readonly string EchoedHeader =
        $"Leak aws_secret_access_key={Secret} {KeyId} \u001b[2J\u001b]0;owned\u0007 " + string.Concat(Enumerable.Repeat("padding ", 400));

    private static ScriptedReply HostileReply() =>
        new(200, "{}", "application/json") { Headers = new Dictionary<string, string> { [EchoedHeader] = "x" } };

    [Fact]
    public async Task EcsTaskMetadata_AnswerEchoesSecretAndControls_ExitTwoWithScrubbedBoundedLine()
    {
        await using var server = new ScriptedHttpServer(HostileReply());

        var run = await NeuronCwProcess.RunAsync(
            ["--dry-run", "--dimensions", "ClusterName"], "", new Dictionary<string, string?> { ["ECS_CONTAINER_METADATA_URI_V4"] = server.BaseUrl + "/v4/x" });

        run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
        server.Requests.Should().NotBeEmpty("the fake was asked");
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith("neuron-cw: error: --dimensions ClusterName/TaskFamily: ECS task metadata ");
        AssertScrubbed(run);
    }

    [Fact]
    public async Task EcsContainerCredentials_AnswerEchoesSecretAndControls_ExitFourWithScrubbedBoundedLines()
    {
        await using var server = new ScriptedHttpServer(HostileReply());
        var environment = new Dictionary<string, string?>
        {
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = server.BaseUrl + "/v2/credentials/task-role",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL_CLOUDWATCH"] = server.Url.ToString(),
        };

        var run = await NeuronCwProcess.RunAsync([], OpsInputs.ReportsForInstances(1), environment, TimeSpan.FromSeconds(90));

        run.ExitCode.Should().Be(ExitCodes.NoCredentials, run.ToString());
        server.Requests.Should().Contain(r => r.RequestLine.StartsWith("GET /v2/credentials/task-role ", StringComparison.Ordinal));
        AssertScrubbed(run);
    }

    [Fact]
    public async Task Imds_AnswerEchoesSecretAndControls_WarnsScrubbedAndKeepsSending()
    {
        await using var server = new ScriptedHttpServer(HostileReply());
        var environment = new Dictionary<string, string?> { ["AWS_EC2_METADATA_DISABLED"] = null, ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = server.BaseUrl };

        var run = await NeuronCwProcess.RunAsync(
            ["--dry-run", "--imds-timeout", "30s"], await File.ReadAllBytesAsync(NoMetadataSampleDatums.Path), environment, TimeSpan.FromSeconds(90));

        run.ExitCode.Should().Be(0, run.ToString());
        server.Requests.Should().NotBeEmpty("the fake was asked");
        run.StderrLines.Should().ContainSingle(l => l.Contains("warning:", StringComparison.Ordinal)).Which.Should().Contain("no instance_id");
        NoMetadataSampleDatums.EveryValueOfBothCores(run);
        AssertScrubbed(run);
    }

    private static void AssertScrubbed(NeuronCwResult run)
    {
        run.AllOutput.Should().NotContain(Secret[..16]).And.NotContain(KeyId).And.NotContain("\u001b");
        run.Stderr.Should().NotContain("\\x1B", "control characters are stripped before logging, not only escaped by the log");
        run.StderrLines.Should().OnlyContain(l => l.Length < MaxLineLength, "echoed text is capped");
    }
}
