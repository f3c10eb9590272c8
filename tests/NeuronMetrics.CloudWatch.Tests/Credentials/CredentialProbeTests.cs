using Amazon.Runtime;
using NeuronMetrics.CloudWatch.Credentials;

namespace NeuronMetrics.CloudWatch.Tests.Credentials;

public sealed class CredentialProbeTests
{
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
        var result = await CredentialProbe.TryResolveAsync(new MissingCredentials(), TimeSpan.FromSeconds(5), CancellationToken.None);

        result.Should().Be(new CredentialProbeResult(false, "no AWS credentials: Unable to find credentials"));
    }

    private sealed class MissingCredentials : ICredentialSource
    {
        public ValueTask<AWSCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
            throw new AmazonClientException("Unable to find credentials");
    }
}
