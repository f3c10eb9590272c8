using NeuronMetrics.Cli.Tests.Operations;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Delivery;

/// <summary>No usable credentials: exit 4 before reading, with one readable line per source of the chain.</summary>
public sealed class MissingCredentialsTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private readonly string _work = OpsInputs.TempDirectory();

    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY is not set (AWS_ACCESS_KEY_ID is)")]
    [InlineData("AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID is not set (AWS_SECRET_ACCESS_KEY is)")]
    public async Task Run_OnlyOneOfTheKeyPair_SaysWhichVariableIsMissingOneLinePerSource(string given, string expected)
    {
        var run = await NeuronCwProcess.RunAsync(["--region", "us-east-1"], OpsInputs.ReportsForInstances(1), new Dictionary<string, string?> { [given] = "AKIDHALFPAIR0000001" }, RunTimeout);

        run.ExitCode.Should().Be(ExitCodes.NoCredentials, run.ToString());
        run.StderrLines.Should().Equal(
            $"neuron-cw: warning: credentials: environment: {expected}",
            "neuron-cw: warning: credentials: web identity (EKS IRSA): AWS_WEB_IDENTITY_TOKEN_FILE is not set",
            "neuron-cw: warning: credentials: shared config/credentials files: Unable to find the \"default\" profile.",
            "neuron-cw: warning: credentials: EC2 instance metadata (IMDS): disabled by AWS_EC2_METADATA_DISABLED",
            "neuron-cw: error: no AWS credentials found in any of the 4 sources tried above (use --dry-run to run without AWS; see README: Credentials)");
        run.Stderr.Should().NotContain("absolute path").And.NotContain("Exception");
    }

    [Fact]
    public async Task Run_CredentialProcessFails_ExitsFourWithoutItsOutput()
    {
        string config = Path.Combine(_work, "config");
        await File.WriteAllTextAsync(config, "[default]\ncredential_process = /bin/sh -c \"echo processSECRETprocessSECRETprocessSECRET0 >&2; exit 3\"\n");

        var run = await NeuronCwProcess.RunAsync(["--region", "us-east-1"], OpsInputs.ReportsForInstances(1), new Dictionary<string, string?> { ["AWS_CONFIG_FILE"] = config }, RunTimeout);

        run.ExitCode.Should().Be(ExitCodes.NoCredentials, run.ToString());
        run.StderrLines.Should().ContainSingle(l => l.StartsWith("neuron-cw: error: ", StringComparison.Ordinal)).Which.Should().Contain("credential_process");
        run.AllOutput.Should().NotContain("processSECRET").And.NotContain("unexpected failure").And.NotContain("done:");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
