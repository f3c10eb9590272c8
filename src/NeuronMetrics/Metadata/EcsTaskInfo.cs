namespace NeuronMetrics.Metadata;

/// <summary>What the ECS task metadata endpoint says about the task this runs in.</summary>
public sealed record EcsTaskInfo(string? ClusterName, string? Family);
