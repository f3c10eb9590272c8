using NeuronMetrics.Aggregation;
using NeuronMetrics.Batching;
using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Filtering;
using NeuronMetrics.Mapping;
using NeuronMetrics.Pipeline;
using NeuronMetrics.Reports;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Cli;

/// <summary>Wires the stages for a run from the command line. The only place that knows both.</summary>
internal static class PipelineFactory
{
    /// <summary>How often a repeated warning (runtime error, full buffer) is said again.</summary>
    private static readonly TimeSpan WarningRepeatInterval = TimeSpan.FromMinutes(5);

    public static MetricPipeline Create(
        CliOptions options,
        MonitorConfig config,
        IMetricSink sink,
        IDatumSizer sizer,
        PipelineStatistics statistics,
        IDiagnosticLog log,
        TimeProvider clock,
        out BoundedBatchQueue queue)
    {
        var warnings = new RepeatThrottle(log, clock, WarningRepeatInterval);
        var mapper = new ReportMapper(GroupMappers.All(), new DimensionPolicy(), statistics);
        foreach (var group in config.AllGroups)
        {
            if (!mapper.MappedGroups.Contains(group))
            {
                log.Write(LogLevel.Info, $"metric group '{group}' is read by neuron-monitor but not sent to CloudWatch by this version");
            }
        }

        queue = new BoundedBatchQueue(options.MaxBufferedDatums, statistics, warnings);
        var stages = new PipelineStages(
            new NeuronReportParser(config.AllGroups),
            new ReportFilter(config, warnings),
            mapper,
            new MetricAggregator(options.FlushInterval, options.Aggregation),
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
        });
    }
}
