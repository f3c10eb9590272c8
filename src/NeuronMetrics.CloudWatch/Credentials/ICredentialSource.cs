using Amazon.Runtime;

namespace NeuronMetrics.CloudWatch.Credentials;

/// <summary>Supplies the credentials for one attempt. Called per attempt; implementations cache and refresh.</summary>
public interface ICredentialSource
{
    ValueTask<AWSCredentials> GetCredentialsAsync(CancellationToken cancellationToken);

    /// <summary>The service said the credentials expired: the next call must resolve fresh ones.</summary>
    void Invalidate()
    {
    }
}
