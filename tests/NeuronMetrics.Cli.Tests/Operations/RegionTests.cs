using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>
/// A region or endpoint that cannot work stops the run before stdin is read (exit 2); a region from nowhere is taken from
/// instance metadata or the first report, and when that has none too the run stops once instead of failing every interval.
/// </summary>
public sealed class RegionTests
{
    private static readonly string Sample = RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl");
    private static readonly string NoMetadataSample = RepositoryFiles.Sample("inf2.xlarge-no-instance-metadata.jsonl");

    private static Dictionary<string, string?> Credentials() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIDREGIONTEST",
        ["AWS_SECRET_ACCESS_KEY"] = "region-test-secret",
    };

    [Theory]
    [InlineData("AWS_REGION", "tokyo", "'tokyo' (from AWS_REGION) is not a region name")]
    [InlineData("AWS_DEFAULT_REGION", "ap_northeast_1", "'ap_northeast_1' (from AWS_DEFAULT_REGION) is not a region name")]
    [InlineData("AWS_ENDPOINT_URL", "monitoring.example.com", "AWS_ENDPOINT_URL 'monitoring.example.com' is not an http(s) URL")]
    public async Task BadRegionOrEndpointInEnvironment_ExitsTwoBeforeReadingStdin(string variable, string value, string message)
    {
        var environment = Credentials();
        environment[variable] = value;
        if (!variable.Contains("REGION", StringComparison.Ordinal))
        {
            environment["AWS_REGION"] = "us-east-1";
        }

        using var process = NeuronCwProcess.Start([], environment);
        var run = await process.WaitForExitAsync(NeuronCwProcess.EventTimeout); // stdin stays open

        run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
        run.StderrLines.Should().ContainSingle(l => l.StartsWith("neuron-cw: error: ", StringComparison.Ordinal)).Which.Should().Contain(message);
        run.Stderr.Should().NotContain(" started: ");
    }

    [Fact]
    public async Task NoRegionAnywhere_FirstReportHasNone_OneErrorAndExitTwo()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok());
        using var process = NeuronCwProcess.Start(["--endpoint-url", server.BaseUrl + "/", "--flush-interval", "1s"], Credentials());
        await process.WaitUntilStartedAsync();
        await process.WriteAsync(await File.ReadAllBytesAsync(NoMetadataSample)); // stdin stays open, as neuron-monitor keeps it

        var run = await process.WaitForExitAsync(NeuronCwProcess.EventTimeout);

        run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
        run.StderrLines.Where(l => l.Contains("error:", StringComparison.Ordinal)).Should().ContainSingle().Which.Should()
            .Contain("no AWS region").And.Contain("the first report has no instance_region").And.Contain("--region");
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task NoRegionConfigured_FirstReportsRegionSignsTheRequests()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok());

        var run = await NeuronCwProcess.RunAsync(["--endpoint-url", server.BaseUrl + "/"], await File.ReadAllBytesAsync(Sample), Credentials());

        run.ExitCode.Should().Be(0, run.ToString());
        run.StderrLines.Should().Contain(l => l.Contains("region=(from the first report) (from the first report's instance_region)", StringComparison.Ordinal));
        server.Requests.Should().NotBeEmpty().And.OnlyContain(r => r.Headers["Authorization"].Contains("/ap-northeast-1/monitoring/aws4_request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoRegionConfigured_InstanceMetadataRegionUsedFromTheStart()
    {
        await using var imds = new FakeImds(FakeImds.Document("i-0imds", "inf2.xlarge", "us-west-2b", "us-west-2"));
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok());
        var environment = Credentials();
        foreach (var (name, value) in imds.Environment())
        {
            environment[name] = value;
        }

        var run = await NeuronCwProcess.RunAsync(["--endpoint-url", server.BaseUrl + "/", "--imds-timeout", "30s"], await File.ReadAllBytesAsync(Sample), environment);

        run.ExitCode.Should().Be(0, run.ToString());
        run.StderrLines.Should().Contain(l => l.Contains("region=us-west-2 (from instance metadata)", StringComparison.Ordinal));
        server.Requests.Should().NotBeEmpty().And.OnlyContain(r => r.Headers["Authorization"].Contains("/us-west-2/monitoring/aws4_request", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://192.0.2.10/", true)]
    [InlineData("http://127.0.0.1:9/", false)]
    [InlineData("https://192.0.2.10/", false)]
    public async Task PlainHttpEndpoint_WarnedOnceOnlyForAnotherHost(string endpoint, bool warned)
    {
        var environment = Credentials();
        environment["AWS_REGION"] = "us-east-1";

        var run = await NeuronCwProcess.RunAsync(["--endpoint-url", endpoint], "", environment); // no input: nothing is sent

        run.ExitCode.Should().Be(0, run.ToString());
        run.StderrLines.Count(l => l.Contains("plain http", StringComparison.Ordinal)).Should().Be(warned ? 1 : 0, run.ToString());
    }
}
