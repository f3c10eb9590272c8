using System.Net;
using System.Net.Sockets;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests;

/// <summary>Credentials never show up on stdout or stderr, whether sending works or fails, at any log level.</summary>
[Collection(MotoCollection.Name)]
public sealed class SecretsEndToEndTests(MotoServerFixture moto)
{
    private const string AccessKeyId = "AKIAE2EDISTINCTIVE77";
    private const string SecretAccessKey = "e2eSecretKey/Distinctive+Value0123456789";
    private const string SessionToken = "e2eSessionTokenDistinctiveValue9876543210ABCDEF";

    private static readonly Dictionary<string, string?> Credentials = new()
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = SessionToken,
    };

    [Theory]
    [InlineData("info", "text")]
    [InlineData("debug", "text")]
    [InlineData("debug", "json")]
    public async Task Send_ToMoto_OutputHasNoCredentials(string logLevel, string logFormat)
    {
        var result = await SendSampleAsync(moto.Url, logLevel, logFormat, "--namespace", "NeuronE2E/" + Guid.NewGuid().ToString("N"));

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stderr.Should().Contain("done: reports=12 ").And.Contain(" sent=4 ", "the credentials were really used");
        if (logLevel == "debug")
        {
            // The debug rows check the lines that trace each request too.
            result.Stderr.Should().Contain("PutMetricData attempt 1: ");
        }

        ShouldHaveNoSecret(result, logLevel, logFormat);
    }

    [Theory]
    [InlineData("info", "text")]
    [InlineData("debug", "text")]
    [InlineData("debug", "json")]
    public async Task Send_EndpointClosed_FailsWithoutCredentialsInOutput(string logLevel, string logFormat)
    {
        var result = await SendSampleAsync($"http://127.0.0.1:{ClosedPort()}", logLevel, logFormat, "--shutdown-timeout", "1s");

        result.ExitCode.Should().Be(3, "the datums could not be delivered\n" + result);
        result.Stderr.Should().Contain(logFormat == "json" ? "\"level\":\"error\"" : "neuron-cw: error: ");
        ShouldHaveNoSecret(result, logLevel, logFormat);
    }

    [Theory]
    [InlineData("info", "text")]
    [InlineData("debug", "text")]
    [InlineData("debug", "json")]
    public async Task Send_EndpointAnswersWithError_FailsWithoutCredentialsInOutput(string logLevel, string logFormat)
    {
        // moto answers a request under an unknown path with an error status.
        var result = await SendSampleAsync(moto.Url + "/no-such-service/", logLevel, logFormat, "--shutdown-timeout", "3s");

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Stderr.Should().Contain(logFormat == "json" ? "\"level\":\"error\"" : "neuron-cw: error: ");
        ShouldHaveNoSecret(result, logLevel, logFormat);
    }

    private static Task<NeuronCwResult> SendSampleAsync(string endpoint, string logLevel, string logFormat, params string[] more) => NeuronCwProcess.RunAsync(
        ["--endpoint-url", endpoint, "--region", "ap-northeast-1", "--log-level", logLevel, "--log-format", logFormat, .. more],
        File.ReadAllBytes(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")),
        Credentials);

    /// <summary>No secret anywhere; at debug level the debug lines (which name the credential source) were really written.</summary>
    private static void ShouldHaveNoSecret(NeuronCwResult result, string logLevel, string logFormat)
    {
        if (logLevel == "debug")
        {
            result.Stderr.Should().Contain(logFormat == "json" ? "\"level\":\"debug\"" : "neuron-cw: debug: ", "a debug row must see debug output");
            result.Stderr.Should().Contain("AWS credentials found", "the debug line about the credential source is there and still holds no secret");
        }

        foreach (string secret in new[] { SecretAccessKey, SessionToken })
        {
            result.AllOutput.Should().NotContain(secret).And.NotContain(secret[..16], result.ToString());
        }

        // The access key id is not secret in AWS terms, but nothing needs it in a log either.
        result.AllOutput.Should().NotContain(AccessKeyId);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed
    }
}
