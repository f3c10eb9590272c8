using NeuronMetrics.Aggregation;
using NeuronMetrics.Batching;
using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Mapping;
using NeuronMetrics.Metadata;
using NeuronMetrics.Pipeline;
using NeuronMetrics.Reports;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Cli;

/// <summary>Wires the stages for a run from the command line. The only place that knows both.</summary>
internal static class PipelineFactory
{
    public static MetricPipeline Create(
        CliOptions options,
        MonitorConfig config,
        IMetricSink sink,
        IDatumSizer sizer,
        PipelineStatistics statistics,
        IDiagnosticLog log,
        TimeProvider clock,
        out BoundedBatchQueue queue,
        EcsTaskInfo? ecsTask = null,
        IReportEnricher? enricher = null)
    {
        var warnings = new RepeatThrottle(log, clock, CliDefaults.WarningRepeatInterval);
        var aggregator = new MetricAggregator(options.FlushInterval, options.Aggregation, options.StorageResolution);
        var reader = ReportProcessor.Create(CreateReadingSettings(options, config, log, ecsTask), aggregator, statistics, warnings, log, enricher);
        queue = new BoundedBatchQueue(options.MaxBufferedDatums, options.MaxBufferBytes, statistics, warnings);
        var stages = new PipelineStages(
            reader,
            aggregator,
            new PutMetricDataBatcher(options.Namespace, sizer),
            queue,
            sink,
            statistics,
            log,
            clock);
        return new MetricPipeline(stages, new PipelineOptions
        {
            FlushInterval = options.FlushInterval,
            ShutdownTimeout = options.ShutdownTimeout,
            StatsInterval = options.StatsInterval,
        });
    }

    /// <summary>What the reading side selects for the chosen config, metrics, names and dimensions; says at startup what will not be sent.</summary>
    public static ReadingSettings CreateReadingSettings(CliOptions options, MonitorConfig config, IDiagnosticLog log, EcsTaskInfo? ecsTask)
    {
        var selection = MetricSelection.Create(options.Metrics, options.InstanceAverage);
        var settings = new ReadingSettings
        {
            Config = config,
            Selection = selection,
            MetricPatterns = options.Metrics,
            Naming = options.Naming,
            Dimensions = new DimensionSettings { Selected = options.Dimensions, Static = options.StaticDimensions, Task = ecsTask },
            DiagnosisWindow = options.FlushInterval,
        };
        var mapped = MetricCatalog.All.Select(d => d.GroupType).ToHashSet(StringComparer.Ordinal);
        var groups = config.AllGroups.Select(GroupTypeNames.Canonical).ToHashSet(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (!mapped.Contains(group))
            {
                log.Write(LogLevel.Info, $"metric group '{group}' is read by neuron-monitor but not sent to CloudWatch by this version");
            }
        }

        var unsent = selection.Enabled.Where(d => !groups.Contains(d.GroupType)).Select(d => d.Name).ToList();
        if (options.Metrics is not null && unsent.Count > 0)
        {
            log.Write(LogLevel.Info, $"selected metrics not sent because the config does not enable their group: {string.Join(", ", unsent)}");
        }

        if (StorageResolutionAdvice.Check(options.StorageResolution, options.FlushInterval, options.Aggregation) is { } advice)
        {
            log.Write(LogLevel.Warning, advice);
        }

        return settings;
    }
}
