using Amazon.Runtime;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.CloudWatch.Credentials;

/// <summary>Checks up front that credentials can be found, so a run without them fails before reading stdin.</summary>
public static class CredentialProbe
{
    /// <summary>How long to wait for the chain (IMDS and container endpoints can be slow to answer or absent).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <param name="source">The credentials to try.</param>
    /// <param name="timeout">How long the chain may take.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <param name="environment">Environment variable lookup (to say which variable is missing); null: the process environment.</param>
    public static async Task<CredentialProbeResult> TryResolveAsync(
        ICredentialSource source, TimeSpan timeout, CancellationToken cancellationToken, Func<string, string?>? environment = null)
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
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Any failure of the chain means "no credentials": a credential_process that fails, a malformed shared
            // file (whose parse error quotes the line, secret included: everything shown is scrubbed), a refused role.
            var sources = CredentialChainReport.Describe(ex, environment ?? Environment.GetEnvironmentVariable);
            string summary = sources.Count == 1 ? $"no AWS credentials: {sources[0]}" : $"no AWS credentials found in any of the {sources.Count} sources tried above";
            return new CredentialProbeResult(false, summary) { Sources = sources.Count == 1 ? [] : sources };
        }
    }
}
