namespace NeuronMetrics.Mapping;

/// <summary>
/// One metric this tool can send: its name, unit, the neuron-monitor group it comes from, what one
/// stream stands for, whether it is sent by default or only when selected (<c>--metrics</c>), and
/// how the values of several runtimes of one report combine.
/// </summary>
/// <param name="Id">Index in <see cref="MetricCatalog.All"/>.</param>
/// <param name="Maximum">Values above it are dropped as invalid (all values must be ≥ 0).</param>
public sealed record MetricDefinition(
    int Id,
    string Name,
    string Unit,
    string GroupType,
    MetricScope Scope,
    string Description,
    bool OptIn = false,
    double Maximum = double.MaxValue,
    AcrossRuntimes Merge = AcrossRuntimes.NotApplicable);
