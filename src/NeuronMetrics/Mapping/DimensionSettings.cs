using NeuronMetrics.Metadata;
using NeuronMetrics.Model;

namespace NeuronMetrics.Mapping;

/// <summary>Which dimensions every metric carries (before the metric's own NeuronCore/NeuronDevice).</summary>
public sealed record DimensionSettings
{
    /// <summary>Only InstanceId: one metric per instance, as the partitioning already is.</summary>
    public static DimensionSettings Default { get; } = new();

    /// <summary>Chosen from <see cref="DimensionNames.Selectable"/>, in the order they are sent.</summary>
    public IReadOnlyList<string> Selected { get; init; } = [DimensionNames.InstanceId];

    /// <summary>Fixed dimensions (<c>--dimension Key=Value</c>), after the selected instance-level ones.</summary>
    public IReadOnlyList<Dimension> Static { get; init; } = [];

    /// <summary>The ECS task, when ClusterName or TaskFamily are selected.</summary>
    public EcsTaskInfo? Task { get; init; }

    public bool IncludesRuntimeTag => Selected.Contains(DimensionNames.RuntimeTag, StringComparer.Ordinal);

    /// <summary>Whether <see cref="Selected"/> needs the ECS task metadata.</summary>
    public bool NeedsEcsTask => Selected.Any(d => d is DimensionNames.ClusterName or DimensionNames.TaskFamily);
}
