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
    [InlineData("info")]
    [InlineData("debug")]
    public async Task Send_ToMoto_OutputHasNoCredentials(string logLevel)
    {
        var result = await NeuronCwProcess.RunAsync(
            ["--endpoint-url", moto.Url, "--region", "ap-northeast-1", "--namespace", "NeuronE2E/" + Guid.NewGuid().ToString("N"), "--log-level", logLevel],
            File.ReadAllBytes(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")),
            Credentials);

        result.ExitCode.Should().Be(0, result.ToString());
        SummaryLine.Parse(result)["sent"].Should().BeGreaterThan(0, "the credentials were really used");
        ShouldHaveNoSecret(result);
    }

    [Theory]
    [InlineData("info")]
    [InlineData("debug")]
    public async Task Send_EndpointClosed_FailsWithoutCredentialsInOutput(string logLevel)
    {
        var result = await NeuronCwProcess.RunAsync(
            ["--endpoint-url", $"http://127.0.0.1:{ClosedPort()}", "--region", "ap-northeast-1", "--shutdown-timeout", "1s", "--log-level", logLevel],
            File.ReadAllBytes(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")),
            Credentials);

        result.ExitCode.Should().Be(3, "the datums could not be delivered\n" + result);
        result.StderrLines.Should().Contain(l => l.StartsWith("neuron-cw: error: ", StringComparison.Ordinal));
        SummaryLine.Parse(result)["dropped"].Should().BeGreaterThan(0);
        ShouldHaveNoSecret(result);
    }

    [Fact]
    public async Task Send_EndpointAnswersWithError_FailsWithoutCredentialsInOutput()
    {
        // moto answers a request under an unknown path with an error status.
        var result = await NeuronCwProcess.RunAsync(
            ["--endpoint-url", moto.Url + "/no-such-service/", "--region", "ap-northeast-1", "--shutdown-timeout", "3s", "--log-level", "debug"],
            File.ReadAllBytes(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")),
            Credentials);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.StderrLines.Should().Contain(l => l.StartsWith("neuron-cw: error: ", StringComparison.Ordinal));
        ShouldHaveNoSecret(result);
    }

    private static void ShouldHaveNoSecret(NeuronCwResult result)
    {
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
