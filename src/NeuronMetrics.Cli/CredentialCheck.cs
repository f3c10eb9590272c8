using NeuronMetrics.CloudWatch;
using NeuronMetrics.CloudWatch.Credentials;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Cli;

/// <summary>The credential chain of a run that sends to CloudWatch, resolved before anything is sent: none is exit 4 with one line per source tried.</summary>
internal static class CredentialCheck
{
    /// <summary>The chain for --profile, already resolved once, and the kind of credentials found (never a key).</summary>
    /// <exception cref="StartupException">No credentials anywhere, or credential_process failed (exit 4).</exception>
    public static async Task<(DefaultCredentialSource Credentials, string Kind)> ResolveAsync(CliOptions options, IDiagnosticLog log, CancellationToken stop)
    {
        var credentials = new DefaultCredentialSource(options.Profile);
        try
        {
            var probe = await CredentialProbe.TryResolveAsync(credentials, CredentialProbe.DefaultTimeout, stop).ConfigureAwait(false);
            if (!probe.Success)
            {
                foreach (var source in probe.Sources)
                {
                    log.Write(LogLevel.Warning, $"credentials: {source}");
                }

                throw new StartupException(ExitCodes.NoCredentials, $"{probe.Message} (use --dry-run to run without AWS; see README: Credentials)");
            }

            log.Write(LogLevel.Debug, probe.Message);
            string kind = CredentialKind.Describe(await credentials.GetCredentialsAsync(stop).ConfigureAwait(false), options.Profile);
            return (credentials, kind);
        }
        catch
        {
            credentials.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What <paramref name="create"/> builds over <paramref name="credentials"/>, which it then owns; if it fails the
    /// credentials are disposed, and a bad endpoint or region is exit 2.
    /// </summary>
    /// <exception cref="StartupException">A bad endpoint or region (exit 2).</exception>
    public static T CreateOwning<T>(DefaultCredentialSource credentials, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (CloudWatchConfigurationException ex)
        {
            credentials.Dispose();
            throw new StartupException(ExitCodes.UsageError, ex.Message);
        }
        catch
        {
            credentials.Dispose();
            throw;
        }
    }
}
