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

    /// <summary>Kubernetes pod of a core or device (<c>neuron_k8s_info</c>).</summary>
    public const string PodName = "PodName";

    /// <summary>Kubernetes namespace of a core or device (<c>neuron_k8s_info</c>).</summary>
    public const string Namespace = "Namespace";

    /// <summary>Kubernetes container(s) of a core or device, joined with ',' in ordinal order (<c>neuron_k8s_info</c>).</summary>
    public const string ContainerName = "ContainerName";

    /// <summary>Trn2 UltraServer of the instance (<c>instance_info.ultraserver_id</c>).</summary>
    public const string UltraServerId = "UltraServerId";

    public const string NeuronCore = "NeuronCore";
    public const string NeuronDevice = "NeuronDevice";

    /// <summary>The physical core behind a logical NeuronCore (trn2 <c>v3d</c>: the N of <c>nc_v3.N</c>).</summary>
    public const string PhysicalNeuronCore = "PhysicalNeuronCore";

    /// <summary>The kind of an execution error (the key in <c>error_summary</c>).</summary>
    public const string ErrorKind = "ErrorKind";

    /// <summary>The dimensions <c>--dimensions</c> may choose from.</summary>
    public static readonly IReadOnlyList<string> Selectable =
        [InstanceId, InstanceType, AvailabilityZone, RuntimeTag, ClusterName, TaskFamily, PodName, Namespace, ContainerName, UltraServerId];

    /// <summary>Selectable dimensions whose value depends on the core or device (added to per-core and per-device metrics only).</summary>
    public static readonly IReadOnlyList<string> Placement = [PodName, Namespace, ContainerName];

    /// <summary>Names the tool sets itself, which a static <c>--dimension</c> must not reuse.</summary>
    public static readonly IReadOnlyList<string> Reserved = [.. Selectable, NeuronCore, NeuronDevice, PhysicalNeuronCore, ErrorKind];
}
