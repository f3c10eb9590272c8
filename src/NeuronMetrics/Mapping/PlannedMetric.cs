namespace NeuronMetrics.Mapping;

/// <summary>
/// A metric a run sends, as CloudWatch will list it: its name (the catalog name; with legacy naming a per-core metric
/// is this name plus <c>NC&lt;core&gt;</c>, see <see cref="CoreInName"/>) and its dimension names in the order sent.
/// </summary>
public sealed record PlannedMetric(MetricDefinition Definition, IReadOnlyList<string> DimensionNames, bool CoreInName)
{
    public string Name => Definition.Name;
}
