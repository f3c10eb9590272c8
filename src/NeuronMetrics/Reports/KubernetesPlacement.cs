namespace NeuronMetrics.Reports;

/// <summary>
/// Who uses a core or device under Kubernetes (<c>neuron_k8s_info</c>); a field is null when the
/// report lacks it. Several containers are joined with ',' in ordinal order, so the value is stable.
/// </summary>
public sealed record KubernetesPlacement(string? PodName, string? Namespace, string? ContainerName);
