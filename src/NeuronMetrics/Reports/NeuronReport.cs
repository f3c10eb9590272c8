namespace NeuronMetrics.Reports;

/// <summary>
/// One neuron-monitor report. Reused from document to document by the parser to keep the
/// per-report allocation flat; group JSON points into the framer's buffer and is valid only
/// until the next document is read.
/// </summary>
public sealed class NeuronReport
{
    private readonly List<RuntimeData> _runtimePool = [];

    /// <summary>The instance the report comes from. A stage may replace it (e.g. fill fields from instance metadata) before the filter runs.</summary>
    public InstanceInfo Instance { get; set; } = InstanceInfo.Unknown;

    /// <summary>The <c>neuron_k8s_info</c> block, or null when the report has none (or it carries an error).</summary>
    public KubernetesInfo? Kubernetes { get; set; }

    public List<RuntimeData> Runtimes { get; } = [];

    public List<GroupSection> SystemGroups { get; } = [];

    /// <summary>Types of the groups the parser stepped over because the run does not select them (runtime and system ones).</summary>
    public List<string> UnreadGroups { get; } = [];

    internal void Reset()
    {
        Instance = InstanceInfo.Unknown;
        Kubernetes = null;
        foreach (var runtime in Runtimes)
        {
            Recycle(runtime);
        }

        Runtimes.Clear();
        SystemGroups.Clear();
        UnreadGroups.Clear();
    }

    internal RuntimeData AddRuntime()
    {
        RuntimeData runtime;
        if (_runtimePool.Count > 0)
        {
            runtime = _runtimePool[^1];
            _runtimePool.RemoveAt(_runtimePool.Count - 1);
        }
        else
        {
            runtime = new RuntimeData();
        }

        Runtimes.Add(runtime);
        return runtime;
    }

    /// <summary>Takes back the runtime added last (it could not be read).</summary>
    internal void RemoveLastRuntime()
    {
        Recycle(Runtimes[^1]);
        Runtimes.RemoveAt(Runtimes.Count - 1);
    }

    private void Recycle(RuntimeData runtime)
    {
        runtime.Reset();
        _runtimePool.Add(runtime);
    }
}
