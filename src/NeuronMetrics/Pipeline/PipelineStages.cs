using NeuronMetrics.Aggregation;
using NeuronMetrics.Batching;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Pipeline;

/// <summary>The stages a pipeline runs, wired by the caller (the CLI, or a test). <see cref="Reader"/> adds to <see cref="Aggregator"/>.</summary>
public sealed record PipelineStages(
    ReportProcessor Reader,
    MetricAggregator Aggregator,
    PutMetricDataBatcher Batcher,
    BoundedBatchQueue Queue,
    IMetricSink Sink,
    PipelineStatistics Statistics,
    IDiagnosticLog Log,
    TimeProvider Clock);
