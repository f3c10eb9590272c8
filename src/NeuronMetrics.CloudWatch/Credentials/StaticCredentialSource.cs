using Amazon.Runtime;

namespace NeuronMetrics.CloudWatch.Credentials;

/// <summary>Fixed credentials (tests, or callers that resolve credentials themselves).</summary>
public sealed class StaticCredentialSource(AWSCredentials credentials) : ICredentialSource
{
    public ValueTask<AWSCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}
