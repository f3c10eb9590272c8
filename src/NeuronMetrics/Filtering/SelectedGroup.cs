using NeuronMetrics.Reports;

namespace NeuronMetrics.Filtering;

/// <summary>A group the config selects, with the runtime it came from (null for system groups).</summary>
public readonly record struct SelectedGroup(GroupSection Group, RuntimeData? Runtime);
