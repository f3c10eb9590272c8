using NeuronMetrics.Model;

namespace NeuronMetrics.Mapping;

/// <summary>
/// The selected Kubernetes dimensions (PodName, Namespace, ContainerName) of each NeuronCore and
/// Neuron device of a report, built once per distinct <c>neuron_k8s_info</c> by <see cref="DimensionPolicy"/>.
/// </summary>
public sealed class PlacementDimensions(Dictionary<string, Dimension[]> cores, Dictionary<string, Dimension[]> devices)
{
    private static readonly Dimension[] None = [];

    /// <summary>The dimensions of core <paramref name="core"/>, empty when Kubernetes does not place it.</summary>
    public Dimension[] ForCore(string core) => cores.TryGetValue(core, out var dimensions) ? dimensions : None;

    /// <summary>The dimensions of device <paramref name="device"/>, empty when Kubernetes does not place it.</summary>
    public Dimension[] ForDevice(string device) => devices.TryGetValue(device, out var dimensions) ? dimensions : None;
}
