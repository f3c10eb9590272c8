using NeuronMetrics.CloudWatch;
using NeuronMetrics.CloudWatch.Credentials;
using NeuronMetrics.CloudWatch.Endpoints;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Metadata;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Cli;

/// <summary>
/// Where a run sends: region (and where it came from) and endpoint, settled before stdin is read whenever possible.
/// Region order: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile, instance metadata, then the first report's
/// instance_region (checked on that report: none or an invalid one stops the run with exit 2, never an error per interval).
/// </summary>
internal sealed record CloudWatchTarget(string? Region, string RegionSource, string Endpoint)
{
    private const string FirstReport = "the first report's instance_region";

    /// <exception cref="StartupException">A malformed endpoint URL or region name, or a malformed shared config file holding the profile's region (exit 2).</exception>
    public static async Task<CloudWatchTarget> ResolveAsync(CliOptions options, InstanceInfoCompleter instances, IDiagnosticLog log, CancellationToken stop)
    {
        var resolver = new CloudWatchEndpointResolver(options.Region, options.EndpointUrl, options.Profile, Environment.GetEnvironmentVariable);
        Uri? explicitEndpoint;
        (string Region, string Source)? region;
        try
        {
            explicitEndpoint = resolver.ExplicitEndpoint();
            region = resolver.ResolveRegion(null);
        }
        catch (CloudWatchConfigurationException ex)
        {
            throw new StartupException(ExitCodes.UsageError, ex.Message);
        }

        if (explicitEndpoint is { Scheme: "http", IsLoopback: false })
        {
            log.Write(LogLevel.Warning, $"endpoint {explicitEndpoint} is plain http to a host that is not this machine: metrics and signed requests travel unencrypted; use https");
        }

        if (region is null && await instances.LookupAsync(stop).ConfigureAwait(false) is { Region: { } fromMetadata })
        {
            region = (fromMetadata, "instance metadata");
        }

        if (region is { } found && !CloudWatchEndpointResolver.IsValidRegionName(found.Region))
        {
            throw new StartupException(ExitCodes.UsageError, $"'{found.Region}' (from {found.Source}) is not a region name (e.g. ap-northeast-1); fix it or pass --region");
        }

        log.Write(LogLevel.Debug, region is { } resolved ? $"region {resolved.Region} from {resolved.Source}" : "no region configured: the first report's instance_region decides");
        if (region is { } known)
        {
            return new CloudWatchTarget(known.Region, known.Source, (explicitEndpoint ?? resolver.Resolve(null).Uri).ToString());
        }

        return new CloudWatchTarget(null, FirstReport, explicitEndpoint?.ToString() ?? "the regional endpoint of that region");
    }

    /// <summary>
    /// The client settings every CloudWatch call of these options shares (a run's sink, dashboard and alarms --put):
    /// this region, the endpoint, profile and timeouts of <paramref name="options"/>, and <paramref name="credentials"/>.
    /// </summary>
    public CloudWatchSinkOptions ClientOptions(CliOptions options, ICredentialSource credentials, TimeProvider clock) => new()
    {
        Region = Region,
        EndpointUrl = options.EndpointUrl,
        Profile = options.Profile,
        Credentials = credentials,
        Clock = clock,
        ConnectTimeout = options.ConnectTimeout,
        ReadTimeout = options.ReadTimeout,
    };

    /// <summary>When the region must come from the first report: the check that stops the run if it cannot (exit 2).</summary>
    public Func<InstanceInfo, string?>? FirstReportCheck(InstanceInfoCompleter instances) => Region is not null ? null : instance => instance.Region switch
    {
        null => $"no AWS region: none given (--region, AWS_REGION, AWS_DEFAULT_REGION, the profile), {instances.Failure ?? "no instance metadata"}, and the first report has no instance_region; pass --region",
        { } region when !CloudWatchEndpointResolver.IsValidRegionName(region) => $"'{region}' ({FirstReport}) is not a region name; pass --region",
        _ => null,
    };
}
