namespace NeuronMetrics.Mapping;

/// <summary>Every dimension name this tool sends.</summary>
public static class DimensionNames
{
    public const string InstanceId = "InstanceId";
    public const string NeuronCore = "NeuronCore";
}
