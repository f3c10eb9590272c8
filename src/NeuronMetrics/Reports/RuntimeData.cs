namespace NeuronMetrics.Reports;

/// <summary>One entry of <c>neuron_runtime_data</c>: a monitored Neuron application.</summary>
public sealed class RuntimeData
{
    /// <summary>NEURON_PROCESS_TAG, or the pid when unset (for a neuron-rtd daemon: its address).</summary>
    public string Tag { get; set; } = "";

    public long? Pid { get; set; }

    /// <summary>The GRPC address of a neuron-rtd daemon (Neuron Runtime 1.x), or null for an application.</summary>
    public string? Address { get; set; }

    /// <summary>Non-empty when neuron-monitor could not read this runtime.</summary>
    public string? Error { get; set; }

    public List<GroupSection> Groups { get; } = [];

    internal void Reset()
    {
        Tag = "";
        Pid = null;
        Address = null;
        Error = null;
        Groups.Clear();
    }
}
