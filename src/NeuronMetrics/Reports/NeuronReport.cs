namespace NeuronMetrics.Reports;

/// <summary>
/// One neuron-monitor report. Reused from document to document by the parser to keep the
/// per-report allocation flat; group JSON points into the framer's buffer and is valid only
/// until the next document is read.
/// </summary>
public sealed class NeuronReport
{
    private readonly List<RuntimeData> _runtimePool = [];

    public InstanceInfo Instance { get; set; } = InstanceInfo.Unknown;

    public List<RuntimeData> Runtimes { get; } = [];

    public List<GroupSection> SystemGroups { get; } = [];

    internal void Reset()
    {
        Instance = InstanceInfo.Unknown;
        foreach (var runtime in Runtimes)
        {
            runtime.Reset();
            _runtimePool.Add(runtime);
        }

        Runtimes.Clear();
        SystemGroups.Clear();
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
}
