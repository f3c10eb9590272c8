using NeuronMetrics.CloudWatch;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Input;
using NeuronMetrics.Mapping;
using NeuronMetrics.Metadata;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Cli.Alarms;

/// <summary>
/// The instance the alarms are for: --instance-id (or --dimension InstanceId=), else EC2 instance metadata (unless
/// --imds-timeout off), else the first report of --input that names its instance. Values fixed by --dimension
/// (InstanceType=, AvailabilityZone=) win, as in a run.
/// </summary>
internal static class AlarmInstanceResolver
{
    private const string Advice = "give --instance-id, run this on the instance, or give --input FILE with a report of it";

    /// <exception cref="StartupException">No instance found, or an unusable --input file or instance id (exit 2).</exception>
    public static async Task<InstanceInfo> ResolveAsync(CliOptions options, string? instanceId, string? inputPath, IDiagnosticLog log, CancellationToken stop)
    {
        var fixedValues = options.InstanceDimensions.ToDictionary(d => d.Name, d => d.Value, StringComparer.Ordinal);
        var found = (instanceId ?? fixedValues.GetValueOrDefault(DimensionNames.InstanceId)) is { } given
            ? new InstanceInfo(given, null, null, null)
            : await FromMetadataAsync(options, log, stop).ConfigureAwait(false) ?? await FromInputAsync(inputPath, log, stop).ConfigureAwait(false);
        if (found?.InstanceId is not { Length: > 0 } id)
        {
            throw new StartupException(ExitCodes.UsageError, $"alarms: no instance: {Advice}");
        }

        if (CloudWatchSinkFactory.ValidateDimension(DimensionNames.InstanceId, id) is { } error)
        {
            throw new StartupException(ExitCodes.UsageError, $"alarms: instance id: {error}");
        }

        return found with
        {
            InstanceType = fixedValues.GetValueOrDefault(DimensionNames.InstanceType) ?? found.InstanceType,
            AvailabilityZone = fixedValues.GetValueOrDefault(DimensionNames.AvailabilityZone) ?? found.AvailabilityZone,
        };
    }

    private static async Task<InstanceInfo?> FromMetadataAsync(CliOptions options, IDiagnosticLog log, CancellationToken stop)
    {
        if (options.ImdsTimeout is not { } timeout)
        {
            return null;
        }

        var source = new Ec2InstanceMetadataSource();
        try
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
            wait.CancelAfter(timeout);
            return await source.ReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InstanceMetadataException or OperationCanceledException && !stop.IsCancellationRequested)
        {
            log.Write(LogLevel.Debug, $"alarms: no instance from {source.Description}: {SecretScrubber.Scrub(ex.Message)}");
            return null;
        }
    }

    private static async Task<InstanceInfo?> FromInputAsync(string? path, IDiagnosticLog log, CancellationToken stop)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            await using var input = File.OpenRead(path);
            using var framer = new JsonDocumentFramer(input);
            var parser = new NeuronReportParser([]);
            var report = new NeuronReport();
            while (await framer.ReadNextAsync(stop).ConfigureAwait(false) is { } document)
            {
                if (!document.IsRejected && parser.Parse(document.Json, report).IsOk && report.Instance.InstanceId is { Length: > 0 })
                {
                    log.Write(LogLevel.Debug, $"alarms: instance {report.Instance.InstanceId} from --input {path}");
                    return report.Instance;
                }
            }

            throw new StartupException(ExitCodes.UsageError, $"--input {path}: no neuron-monitor report with an instance_info.instance_id; {Advice}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException(ExitCodes.UsageError, $"--input {path}: {ex.Message}");
        }
    }
}
