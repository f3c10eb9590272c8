using NeuronMetrics.CloudWatch;
using NeuronMetrics.CloudWatch.Retry;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Metadata;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Cli;

/// <summary>Builds the sink a run's options ask for (dry-run JSON, EMF or CloudWatch), checking before stdin is read what can fail.</summary>
internal static class SinkFactory
{
    /// <param name="options">The run's options.</param>
    /// <param name="instances">The instance identity step (its metadata lookup gives the region when nothing else does).</param>
    /// <param name="reportRegion">The latest report's region: the CloudWatch region of last resort, asked when the first batch is sent.</param>
    /// <param name="log">Diagnostics.</param>
    /// <param name="clock">Time.</param>
    /// <param name="stop">A signal during setup.</param>
    /// <exception cref="StartupException">No credentials (exit 4), or a bad endpoint, region or environment setting (exit 2).</exception>
    public static async Task<SinkSetup> CreateAsync(
        CliOptions options, InstanceInfoCompleter instances, Func<string?> reportRegion, IDiagnosticLog log, TimeProvider clock, CancellationToken stop)
    {
        if (options.DryRun)
        {
            var usage = new UsageTrackingSink(new DryRunJsonSink(StandardStreams.OpenOutput(), log), options.FlushInterval);
            return new SinkSetup(usage, "output=dry-run (JSON on stdout)", usage);
        }

        if (options.Output == OutputKind.Emf)
        {
            return new SinkSetup(new EmfSink(StandardStreams.OpenOutput(), log), "output=emf (stdout)");
        }

        var target = await CloudWatchTarget.ResolveAsync(options, instances, log, stop).ConfigureAwait(false);
        instances.FirstReportCheck = target.FirstReportCheck(instances);
        var (credentials, kind) = await CredentialCheck.ResolveAsync(options, log, stop).ConfigureAwait(false);
        return CredentialCheck.CreateOwning(credentials, () =>
        {
            var sink = CloudWatchSinkFactory.Create(
                target.ClientOptions(options, credentials, clock) with
                {
                    FallbackRegion = reportRegion,
                    // Weeks unattended: keep retrying until delivered; the buffer bound and shutdown decide what is dropped.
                    Retry = RetryOptions.Unattended,
                    AuthFailureTimeout = options.AuthFailureTimeout,
                },
                log);
            return new SinkSetup(sink, $"output=cloudwatch region={target.Region ?? "(from the first report)"} (from {target.RegionSource}) endpoint={target.Endpoint} credentials={kind}");
        });
    }
}
