using NeuronMetrics.Diagnostics;
using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>What a group mapper needs besides the group itself.</summary>
public readonly record struct MappingContext(
    InstanceInfo Instance,
    RuntimeData? Runtime,
    Dimension[] BaseDimensions,
    DateTimeOffset Timestamp,
    PipelineStatistics Statistics)
{
    /// <summary>The batching partition: one PutMetricData stream per instance.</summary>
    public string Partition => Instance.InstanceId ?? "";
}
