namespace NeuronMetrics.Mapping;

/// <summary>What one metric stream of a definition stands for (which dimensions it adds).</summary>
public enum MetricScope
{
    /// <summary>One per instance (system groups, instance average).</summary>
    Instance,

    /// <summary>One per Neuron runtime (one per instance unless RuntimeTag is a dimension).</summary>
    Runtime,

    /// <summary>One per NeuronCore: adds the NeuronCore dimension (legacy naming: an NC suffix).</summary>
    NeuronCore,

    /// <summary>One per Neuron device: adds the NeuronDevice dimension.</summary>
    NeuronDevice,

    /// <summary>One per physical core behind a logical NeuronCore (trn2 <c>v3d</c>): NeuronCore plus PhysicalNeuronCore.</summary>
    PhysicalCore,

    /// <summary>One per runtime and kind of execution error: adds the ErrorKind dimension.</summary>
    ErrorKind,
}
