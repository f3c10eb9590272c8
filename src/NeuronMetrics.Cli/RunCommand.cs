using System.Globalization;
using NeuronMetrics.CloudWatch;
using NeuronMetrics.Cost;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Mapping;
using NeuronMetrics.Metadata;
using NeuronMetrics.Pipeline;
using NeuronMetrics.Reports;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Cli;

/// <summary>
/// A run: sets up what can fail before stdin is read (config, ECS task, sink, region, credentials), says so in one
/// startup line, runs the pipeline until end of input or a signal, and ends with the summary and the exit code.
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(CliOptions options, IDiagnosticLog log, CancellationToken stop)
    {
        var clock = TimeProvider.System;
        if (!MonitorConfigSource.TryLoad(options.ConfigPath, log, out var config))
        {
            return ExitCodes.UsageError;
        }

        var statistics = new PipelineStatistics();
        MetricPipeline? pipeline = null;
        try
        {
            var ecsTask = await EcsTaskSetup.ReadAsync(options.Dimensions, stop).ConfigureAwait(false);
            var instances = new InstanceInfoCompleter(
                options.ImdsTimeout is null ? null : new Ec2InstanceMetadataSource(), FixedInstance(options), options.ImdsTimeout ?? TimeSpan.Zero, log, clock, stop);
            await using var sink = await SinkFactory.CreateAsync(options, instances, () => pipeline?.LastInstance.Region, log, clock, stop).ConfigureAwait(false);
            pipeline = PipelineFactory.Create(options, config, sink.Sink, CloudWatchSinkFactory.DatumSizer, statistics, log, clock, out var queue, ecsTask, instances);

            // neuron-monitor is started before the startup line: one that cannot start is a setup failure (exit 2).
            using var input = options.MonitorPath is { } monitor
                ? MonitorProcessInput.Start(monitor, options.ConfigPath, log, clock, stop)
                : null;
            // stdin is read by blocking calls on a thread of its own where it can be (Linux), else as a stream.
            using var stdin = input is null ? PolledDescriptorInput.TryOpen(0) : null;
            using var stdinStream = input is null && stdin is null ? StandardStreams.OpenInput() : null;
            log.Write(LogLevel.Info, StartupLine.Format(options, config, sink));
            if (options.MonitorPath is null && !Console.IsInputRedirected)
            {
                log.Write(LogLevel.Info, "stdin is a terminal: neuron-cw reads neuron-monitor reports from stdin, e.g. neuron-monitor -c monitor.conf | neuron-cw -c monitor.conf (Ctrl-D ends the input)");
            }

            await (stdin is not null
                ? pipeline.RunAsync(stdin, stop, options.MaxDocumentBytes)
                : pipeline.RunAsync((input ?? stdinStream)!, stop, options.MaxDocumentBytes)).ConfigureAwait(false);
            log.Write(LogLevel.Info, StatisticsLine.Format("done", statistics, queue.PendingDatums));
            WriteDryRunEstimate(sink, statistics, log);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && pipeline is null)
        {
            log.Write(LogLevel.Info, "stopped by a signal before reading any input");
            return ExitCodes.Success;
        }

        return pipeline.Fault == SinkFault.AuthorizationFailing ? ExitCodes.AuthFailure
            : statistics.DatumsDropped > 0 || statistics.DatumsInDoubt > 0 || pipeline.Fault != SinkFault.None ? ExitCodes.DataDropped
            : ExitCodes.Success;
    }

    /// <summary>The instance values fixed by --dimension InstanceId=… (InstanceType=…, AvailabilityZone=…).</summary>
    private static InstanceInfo FixedInstance(CliOptions options)
    {
        var given = options.InstanceDimensions.ToDictionary(d => d.Name, d => d.Value, StringComparer.Ordinal);
        return new InstanceInfo(
            given.GetValueOrDefault(DimensionNames.InstanceId), given.GetValueOrDefault(DimensionNames.InstanceType), null, given.GetValueOrDefault(DimensionNames.AvailabilityZone));
    }

    private static void WriteDryRunEstimate(SinkSetup sink, PipelineStatistics statistics, IDiagnosticLog log)
    {
        if (sink.Usage is not { } usage)
        {
            return;
        }

        if (statistics.EarlyFlushes > 0)
        {
            log.Write(LogLevel.Info, $"dry-run: {usage.DistinctMetrics} distinct custom metrics; the input came faster than real time, so its request count says nothing about a live run: see 'neuron-cw cost'");
        }
        else if (usage.Inputs() is { } inputs)
        {
            var estimate = new CostEstimator(CloudWatchPriceList.Default).Estimate(inputs, instances: 1);
            log.Write(LogLevel.Info, string.Create(
                CultureInfo.InvariantCulture,
                $"dry-run: {usage.DistinctMetrics} distinct custom metrics; sent like this for a month one instance costs about {estimate.Total:0.00} $ ({estimate.Metrics} metrics {estimate.MetricsPrice:0.00} $ + {estimate.RequestsPerMonth:N0} requests {estimate.RequestsPrice:0.00} $); see 'neuron-cw cost'"));
        }
    }
}
