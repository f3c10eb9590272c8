using NeuronMetrics.Diagnostics;
using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>What a group mapper needs besides the group itself.</summary>
/// <param name="BaseDimensions">The dimensions of the group's metrics before the mapper adds its own (runtime-level ones included for runtime groups).</param>
/// <param name="InstanceDimensions">The instance-level dimensions (no runtime ones), for per-instance metrics of runtime groups.</param>
/// <param name="Placements">Per-core and per-device Kubernetes dimensions, when selected and reported.</param>
public readonly record struct MappingContext(
    InstanceInfo Instance,
    RuntimeData? Runtime,
    Dimension[] BaseDimensions,
    Dimension[] InstanceDimensions,
    DateTimeOffset Timestamp,
    PipelineStatistics Statistics,
    PlacementDimensions? Placements = null)
{
    /// <summary>The batching partition: one PutMetricData stream per instance.</summary>
    public string Partition => Instance.InstanceId ?? "";

    /// <summary>The same context for per-instance metrics: base dimensions without runtime-level ones.</summary>
    public MappingContext ForInstance() => this with { Runtime = null, BaseDimensions = InstanceDimensions };
}
