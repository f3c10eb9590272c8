using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests;

/// <summary>
/// Bad flags, bad config and missing credentials fail before stdin is read: stdin stays open
/// (never written, never closed) and the process must exit on its own anyway.
/// </summary>
public sealed class UsageErrorEndToEndTests : IDisposable
{
    /// <summary>"A few seconds", with room for a busy machine; a process that waits for stdin never exits.</summary>
    private static readonly TimeSpan ExitWithoutInput = TimeSpan.FromSeconds(10);

    private const string ValidConfig = """{"neuron_runtimes":[{"tag_filter":".*","metrics":[{"type":"neuroncore_counters"}]}]}""";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("neuron-cw-usage-");

    public static TheoryData<string[], string> BadFlags() => new()
    {
        { ["--dry-run", "--bogus"], "--bogus" },
        { ["--dry-run", "--flush-interval", "5x"], "--flush-interval" },
        { ["--dry-run", "--shutdown-timeout", "soon"], "--shutdown-timeout" },
        { ["--dry-run", "--namespace", "AWS/x"], "--namespace" },
        { ["--dry-run", "--aggregation", "median"], "--aggregation" },
        { ["--dry-run", "--log-level", "loud"], "--log-level" },
        { ["--dry-run", "--max-document-bytes", "10"], "--max-document-bytes" },
        { ["--dry-run", "--max-buffered-datums", "0"], "--max-buffered-datums" },
        { ["--endpoint-url", "ftp://127.0.0.1/"], "--endpoint-url" },
        { ["--endpoint-url", "http://"], "--endpoint-url" },
        { ["--region", "tokyo"], "--region: 'tokyo' is not a region name" },
        { ["--region", ""], "--region: empty region name" },
        { ["--dry-run", "--flush-interval", "0.1ms"], "--flush-interval: 0.1ms is out of range (1s to 1h)" },
        { ["--dry-run", "--stats-interval", "0.5ms"], "--stats-interval: 0.5ms is out of range (1s to 24h)" },
        { ["--dry-run", "-c", ""], "--config: empty file name" },
        { ["--dry-run", "--imds-timeout", "2h"], "--imds-timeout" },
    };

    public static TheoryData<string?, string> BadConfigs() => new()
    {
        { null, "cannot read config" }, // missing file
        { "{\"neuron_runtimes\": [", "invalid JSON" },
        { ValidConfig.Replace("\".*\"", "\"(\"", StringComparison.Ordinal), "neuron_runtimes[0].tag_filter" },
        { "{\"period\":\"soon\"," + ValidConfig[1..], "'period'" },
        { ValidConfig.Replace("\"tag_filter\":\".*\",", "\"period\":\"-1s\",\"tag_filter\":\".*\",", StringComparison.Ordinal), "period" },
    };

    [Theory]
    [MemberData(nameof(BadFlags))]
    public async Task Run_BadFlag_ExitsTwoNamingTheFlagWithoutReadingStdin(string[] arguments, string flag)
    {
        var result = await RunWithStdinOpenAsync(arguments);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().Contain(l => l.StartsWith("neuron-cw: error: ", StringComparison.Ordinal) && l.Contains(flag, StringComparison.Ordinal), result.ToString());
    }

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public async Task Run_BadConfig_ExitsTwoNamingFileAndFieldWithoutReadingStdin(string? content, string field)
    {
        string path = Path.Combine(_folder.FullName, "monitor.conf");
        if (content is not null)
        {
            await File.WriteAllTextAsync(path, content);
        }

        var result = await RunWithStdinOpenAsync(["--dry-run", "--config", path]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle(l => l.StartsWith("neuron-cw: error: ", StringComparison.Ordinal))
            .Which.Should().Contain(path).And.Contain(field);
    }

    [Fact]
    public async Task Run_NotDryRunWithoutCredentials_ExitsFourWithoutReadingStdin()
    {
        var result = await RunWithStdinOpenAsync(["--region", "ap-northeast-1"]);

        result.ExitCode.Should().Be(4, result.ToString());
        result.StderrLines.Should().ContainSingle(l => l.StartsWith("neuron-cw: error: ", StringComparison.Ordinal))
            .Which.Should().Contain("--dry-run", "the message says how to run without AWS");
    }

    [Fact]
    public async Task Run_IncompleteCredentials_ExitsFourAndDoesNotEchoTheSecret()
    {
        const string Secret = "e2eSECRETsecretSECRETsecretSECRET0123456";
        const string Token = "e2eTOKENtokenTOKENtokenTOKEN9876543210";

        // A secret key and token without an access key id: not usable, and never to be printed.
        var result = await RunWithStdinOpenAsync(
            ["--region", "ap-northeast-1", "--log-level", "debug"],
            new Dictionary<string, string?> { ["AWS_SECRET_ACCESS_KEY"] = Secret, ["AWS_SESSION_TOKEN"] = Token });

        result.ExitCode.Should().Be(4, result.ToString());
        result.AllOutput.Should().NotContain(Secret).And.NotContain(Token).And.NotContain(Secret[..12]).And.NotContain(Token[..12]);
    }

    [Fact]
    public async Task Run_Help_ExitsZeroListingTheOptions()
    {
        var result = await RunWithStdinOpenAsync(["--help"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("--dry-run").And.Contain("--config").And.Contain("--endpoint-url");
    }

    [Fact]
    public async Task Run_Version_ExitsZeroPrintingTheVersion()
    {
        var result = await RunWithStdinOpenAsync(["--version"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<NeuronCwResult> RunWithStdinOpenAsync(string[] arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = NeuronCwProcess.Start(arguments, environment);
        return await process.WaitForExitAsync(ExitWithoutInput);
    }
}
