namespace NeuronMetrics.Reports;

/// <summary>
/// A report's <c>neuron_k8s_info</c>: the placement of each NeuronCore and Neuron device, keyed by
/// the canonical index ("0", "17"). The parser hands out the same object while the block's bytes do
/// not change, so what is built from it can be cached by identity.
/// </summary>
public sealed class KubernetesInfo(IReadOnlyDictionary<string, KubernetesPlacement> cores, IReadOnlyDictionary<string, KubernetesPlacement> devices)
{
    public IReadOnlyDictionary<string, KubernetesPlacement> Cores { get; } = cores;

    public IReadOnlyDictionary<string, KubernetesPlacement> Devices { get; } = devices;
}
