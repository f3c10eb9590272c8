using Amazon.Runtime;

namespace NeuronMetrics.CloudWatch.Credentials;

/// <summary>Supplies the credentials for one attempt. Called per attempt; implementations cache.</summary>
public interface ICredentialSource
{
    ValueTask<AWSCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
