using NeuronMetrics.CloudWatch;
using NeuronMetrics.CloudWatch.Client;
using NeuronMetrics.CloudWatch.Retry;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Metadata;

namespace NeuronMetrics.Cli;

/// <summary>
/// The client <c>dashboard --put</c> and <c>alarms --put</c> send with: the region, endpoint and credentials a run would
/// use (<see cref="CloudWatchTarget"/>, <see cref="CredentialCheck"/>), checked before anything is sent.
/// </summary>
internal static class CloudWatchActionSetup
{
    /// <exception cref="StartupException">No region (exit 2), a bad endpoint or region (exit 2), no credentials (exit 4).</exception>
    public static async Task<CloudWatchActionClient> CreateAsync(CliOptions options, CloudWatchTarget target, IDiagnosticLog log, CancellationToken stop)
    {
        var (credentials, kind) = await CredentialCheck.ResolveAsync(options, log, stop).ConfigureAwait(false);
        return CredentialCheck.CreateOwning(credentials, () =>
        {
            log.Write(LogLevel.Info, $"sending to region={target.Region} (from {target.RegionSource}) endpoint={target.Endpoint} credentials={kind}");
            return CloudWatchSinkFactory.CreateActionClient(target.ClientOptions(options, credentials, TimeProvider.System) with { Retry = RetryOptions.Default }, log);
        });
    }

    /// <summary>The region (and endpoint) as a run resolves it, instance metadata included; none is exit 2.</summary>
    /// <exception cref="StartupException">No region, or a bad endpoint or region (exit 2).</exception>
    public static async Task<CloudWatchTarget> ResolveTargetAsync(CliOptions options, IDiagnosticLog log, CancellationToken stop)
    {
        var instances = new InstanceInfoCompleter(
            options.ImdsTimeout is null ? null : new Ec2InstanceMetadataSource(), Reports.InstanceInfo.Unknown, options.ImdsTimeout ?? TimeSpan.Zero, log, TimeProvider.System, stop);
        var target = await CloudWatchTarget.ResolveAsync(options, instances, log, stop).ConfigureAwait(false);
        return target.Region is not null
            ? target
            : throw new StartupException(ExitCodes.UsageError, "no AWS region: none given (--region, AWS_REGION, AWS_DEFAULT_REGION, the profile) and no instance metadata; pass --region");
    }

    /// <summary>Says how a request ended; the exit code for it (0, 5 when the credentials were refused, 3 otherwise).</summary>
    public static int Report(string what, QueryActionResult result, IDiagnosticLog log)
    {
        if (result.Accepted)
        {
            log.Write(LogLevel.Info, $"{what}: accepted (request id {result.RequestId ?? "-"})");
            return ExitCodes.Success;
        }

        // The error's text comes from the endpoint: ServiceError has scrubbed and capped it.
        log.Write(LogLevel.Error, $"{what}: not accepted after {result.Attempts} attempt(s): {result.Error?.Code}: {result.Error?.Message} (request id {result.RequestId ?? "-"})");
        return result.AuthenticationRefused ? ExitCodes.AuthFailure : ExitCodes.DataDropped;
    }
}
