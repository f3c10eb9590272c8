using Amazon.Runtime;

namespace NeuronMetrics.CloudWatch.Credentials;

/// <summary>Checks up front that credentials can be found, so a run without them fails before reading stdin.</summary>
public static class CredentialProbe
{
    /// <summary>How long to wait for the chain (IMDS and container endpoints can be slow to answer or absent).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public static async Task<CredentialProbeResult> TryResolveAsync(ICredentialSource source, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var credentials = await source.GetCredentialsAsync(limit.Token).ConfigureAwait(false);
            var resolved = await credentials.GetCredentialsAsync().WaitAsync(limit.Token).ConfigureAwait(false);
            if (resolved is null || string.IsNullOrEmpty(resolved.AccessKey) || string.IsNullOrEmpty(resolved.SecretKey))
            {
                return new CredentialProbeResult(false, "AWS credentials resolved to empty keys");
            }

            return new CredentialProbeResult(true, $"AWS credentials found ({credentials.GetType().Name})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CredentialProbeResult(false, $"no AWS credentials found within {timeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException or CloudWatchConfigurationException or InvalidOperationException or IOException or HttpRequestException)
        {
            return new CredentialProbeResult(false, $"no AWS credentials: {ex.Message}");
        }
    }
}
