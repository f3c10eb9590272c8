using NeuronMetrics.Config;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// What a run with given options sends, without a report: the catalog metrics the selection enables (default, or
/// <c>--metrics</c> and <c>--instance-average</c>) whose group the config enables (runtime groups in a
/// <c>neuron_runtimes</c> entry, system groups in <c>system_metrics</c>), each with the name and dimension names of
/// <see cref="MetricDimensionPlanner"/>. In catalog order.
/// </summary>
public static class SentMetricPlanner
{
    public static IReadOnlyList<PlannedMetric> Plan(MonitorConfig config, MetricSelection selection, NamingStyle naming, DimensionSettings dimensions)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(selection);
        var runtimeGroups = config.Runtimes.SelectMany(r => r.Groups).Select(GroupTypeNames.Canonical).ToHashSet(StringComparer.Ordinal);
        var systemGroups = config.SystemGroups.Select(GroupTypeNames.Canonical).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. selection.Enabled
                .Where(d => GroupTypeNames.RuntimeGroups.Contains(d.GroupType, StringComparer.Ordinal) ? runtimeGroups.Contains(d.GroupType) : systemGroups.Contains(d.GroupType))
                .Select(d => new PlannedMetric(d, MetricDimensionPlanner.DimensionNamesOf(d, dimensions, naming), MetricDimensionPlanner.IsCoreInName(d, naming))),
        ];
    }
}
