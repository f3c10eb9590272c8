using Amazon.Runtime;
using NeuronMetrics.CloudWatch.Credentials;

namespace NeuronMetrics.CloudWatch.Tests.Credentials;

public sealed class CredentialProbeTests
{
    private const string Secret = "wJalrPROBEsecretKEY/7MDENG+bPxRfiCYEXAM01";

    [Fact]
    public async Task TryResolveAsync_StaticCredentials_SucceedsWithoutSecrets()
    {
        var result = await CredentialProbe.TryResolveAsync(
            new StaticCredentialSource(new BasicAWSCredentials("AKIDEXAMPLE", "SECRETKEY")), TimeSpan.FromSeconds(5), CancellationToken.None);

        result.Success.Should().BeTrue();
        result.Message.Should().NotContain("AKIDEXAMPLE").And.NotContain("SECRETKEY");
    }

    [Fact]
    public async Task TryResolveAsync_NoCredentials_FailsWithMessage()
    {
        var result = await CredentialProbe.TryResolveAsync(new FailingSource(new AmazonClientException("Unable to find credentials")), TimeSpan.FromSeconds(5), CancellationToken.None);

        result.Success.Should().BeFalse();
        result.Message.Should().Be("no AWS credentials: Unable to find credentials");
        result.Sources.Should().BeEmpty();
    }

    [Fact]
    public async Task TryResolveAsync_ChainFailed_OneScrubbedLinePerSourceWithoutSdkNoise()
    {
        var chain = new AmazonClientException(
            "Failed to resolve AWS credentials. The credential providers used to search for credentials returned the following errors:\n\n"
            + "Exception 1 of 4: The environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN were not set with AWS credentials.\n"
            + "Exception 2 of 4: The webIdentityTokenFile must be an absolute path. (Parameter 'webIdentityTokenFile')\n"
            + $"Exception 3 of 4: Line 3:<aws_secret_access_key {Secret}\n> in file /home/u/.aws/credentials does not contain a section, property or comment.\n"
            + "Exception 4 of 4: Failed to connect to EC2 instance metadata to retrieve credentials: Unable to retrieve credentials..\n");
        var environment = new Dictionary<string, string?> { ["AWS_SECRET_ACCESS_KEY"] = "x", ["AWS_EC2_METADATA_DISABLED"] = "true" };

        var result = await CredentialProbe.TryResolveAsync(new FailingSource(chain), TimeSpan.FromSeconds(5), CancellationToken.None, name => environment.GetValueOrDefault(name));

        result.Success.Should().BeFalse();
        result.Message.Should().Be("no AWS credentials found in any of the 4 sources tried above");
        result.Sources.Should().Equal(
            "environment: AWS_ACCESS_KEY_ID is not set (AWS_SECRET_ACCESS_KEY is)",
            "web identity (EKS IRSA): AWS_WEB_IDENTITY_TOKEN_FILE is not set",
            "shared config/credentials files: Line 3:<redacted> in file /home/u/.aws/credentials does not contain a section, property or comment.",
            "EC2 instance metadata (IMDS): disabled by AWS_EC2_METADATA_DISABLED");
    }

    [Fact]
    public async Task TryResolveAsync_AnyFailureOfTheChain_IsNoCredentialsNotACrash()
    {
        var result = await CredentialProbe.TryResolveAsync(
            new FailingSource(new InvalidDataException($"Line 2:<{Secret}\n> in file /c")), TimeSpan.FromSeconds(5), CancellationToken.None);

        result.Success.Should().BeFalse();
        result.Message.Should().Be("no AWS credentials: Line 2:<redacted> in file /c");
    }

    [Fact]
    public async Task TryResolveAsync_CredentialProcessFails_SaysSo()
    {
        var result = await CredentialProbe.TryResolveAsync(
            new FailingSource(new ProcessAWSCredentialException("Command returned non-zero exit value 3")), TimeSpan.FromSeconds(5), CancellationToken.None);

        result.Message.Should().Be("no AWS credentials: credential_process failed: Command returned non-zero exit value 3");
    }

    private sealed class FailingSource(Exception failure) : ICredentialSource
    {
        public ValueTask<AWSCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => throw failure;
    }
}
