using NeuronMetrics.Aggregation;
using NeuronMetrics.Batching;
using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Filtering;
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
        InstanceInfoCompleter? instances = null)
    {
        var warnings = new RepeatThrottle(log, clock, CliDefaults.WarningRepeatInterval);
        var mapper = CreateMapper(options, config, statistics, log, ecsTask);
        queue = new BoundedBatchQueue(options.MaxBufferedDatums, statistics, warnings, new BatchMerger(sizer));
        var stages = new PipelineStages(
            new NeuronReportParser(config.AllGroups),
            new ReportFilter(config, warnings),
            mapper,
            new MetricAggregator(options.FlushInterval, options.Aggregation, options.StorageResolution),
            new PutMetricDataBatcher(options.Namespace, sizer),
            queue,
            sink,
            statistics,
            log,
            clock)
        {
            Instances = instances,
        };
        return new MetricPipeline(stages, new PipelineOptions
        {
            FlushInterval = options.FlushInterval,
            ShutdownTimeout = options.ShutdownTimeout,
            StatsInterval = options.StatsInterval,
        });
    }

    /// <summary>The mappers for the chosen metrics, names and dimensions; says at startup what will not be sent.</summary>
    public static ReportMapper CreateMapper(CliOptions options, MonitorConfig config, PipelineStatistics statistics, IDiagnosticLog log, EcsTaskInfo? ecsTask)
    {
        var selection = MetricSelection.Create(options.Metrics, options.InstanceAverage);
        var dimensions = new DimensionSettings { Selected = options.Dimensions, Static = options.StaticDimensions, Task = ecsTask };
        var mapper = new ReportMapper(
            GroupMappers.All(new MetricSampleWriter(selection, options.Naming)),
            new DimensionPolicy(dimensions, log),
            statistics);
        var groups = config.AllGroups.Select(GroupTypeNames.Canonical).ToHashSet(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (!mapper.MappedGroups.Contains(group))
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

        return mapper;
    }
}
