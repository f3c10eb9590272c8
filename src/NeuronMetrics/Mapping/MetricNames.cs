namespace NeuronMetrics.Mapping;

/// <summary>Every metric name this tool sends.</summary>
public static class MetricNames
{
    public const string NeuronCoreUtilization = "NeuronCoreUtilization";
}
