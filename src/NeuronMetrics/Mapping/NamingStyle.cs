namespace NeuronMetrics.Mapping;

/// <summary>How per-core metrics are named.</summary>
public enum NamingStyle
{
    /// <summary>One metric name with a NeuronCore dimension (NeuronCoreUtilization, NeuronCore=0).</summary>
    Dimensional,

    /// <summary>AWS sample script compatibility: the core in the name (NeuronCoreUtilizationNC0), no NeuronCore dimension.</summary>
    Legacy,
}
