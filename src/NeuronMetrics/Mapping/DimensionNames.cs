namespace NeuronMetrics.Mapping;

/// <summary>Every dimension name this tool sends.</summary>
public static class DimensionNames
{
    public const string InstanceId = "InstanceId";
    public const string InstanceType = "InstanceType";
    public const string AvailabilityZone = "AvailabilityZone";
    public const string RuntimeTag = "RuntimeTag";

    /// <summary>ECS cluster name (from the task metadata endpoint).</summary>
    public const string ClusterName = "ClusterName";

    /// <summary>ECS task definition family (from the task metadata endpoint).</summary>
    public const string TaskFamily = "TaskFamily";

    public const string NeuronCore = "NeuronCore";
    public const string NeuronDevice = "NeuronDevice";

    /// <summary>The dimensions <c>--dimensions</c> may choose from.</summary>
    public static readonly IReadOnlyList<string> Selectable = [InstanceId, InstanceType, AvailabilityZone, RuntimeTag, ClusterName, TaskFamily];

    /// <summary>Names the tool sets itself, which a static <c>--dimension</c> must not reuse.</summary>
    public static readonly IReadOnlyList<string> Reserved = [.. Selectable, NeuronCore, NeuronDevice];
}
