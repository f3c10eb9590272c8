using NeuronMetrics.Aggregation;
using NeuronMetrics.Batching;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Filtering;
using NeuronMetrics.Mapping;
using NeuronMetrics.Metadata;
using NeuronMetrics.Reports;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Pipeline;

/// <summary>The stages a pipeline runs, wired by the caller (the CLI, or a test).</summary>
public sealed record PipelineStages(
    NeuronReportParser Parser,
    ReportFilter Filter,
    ReportMapper Mapper,
    MetricAggregator Aggregator,
    PutMetricDataBatcher Batcher,
    BoundedBatchQueue Queue,
    IMetricSink Sink,
    PipelineStatistics Statistics,
    IDiagnosticLog Log,
    TimeProvider Clock)
{
    /// <summary>Completes each report's instance identity before the filter (null: reports are taken as they are).</summary>
    public InstanceInfoCompleter? Instances { get; init; }
}
