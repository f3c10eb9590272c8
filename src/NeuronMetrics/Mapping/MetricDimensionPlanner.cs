using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// The name and dimension names a catalog metric is sent with, for given naming and dimension settings: the one rule
/// the mappers (<see cref="MetricSampleWriter"/>) apply to each sample and the dashboard and alarms apply without a
/// report. Order as sent: the selected instance-level dimensions, the static ones, RuntimeTag (runtime groups, not
/// per-instance metrics), the Kubernetes placement ones (per core or device), then the metric's own (NeuronCore,
/// PhysicalNeuronCore, NeuronDevice, ErrorKind). A selected dimension whose value a report lacks is left out of that
/// report's metrics; the plan assumes every value is there.
/// </summary>
public static class MetricDimensionPlanner
{
    /// <summary>Whether legacy naming puts the core into the metric's name (per-core metrics only).</summary>
    public static bool IsCoreInName(MetricDefinition definition, NamingStyle naming) =>
        naming == NamingStyle.Legacy && definition.Scope is MetricScope.NeuronCore or MetricScope.PhysicalCore;

    /// <summary>The metric name of <paramref name="definition"/> for core <paramref name="core"/> ("" for metrics that are not per core).</summary>
    public static string MetricName(MetricDefinition definition, NamingStyle naming, string core) =>
        IsCoreInName(definition, naming) ? definition.Name + MetricNames.LegacyCoreSuffix + core : definition.Name;

    /// <summary>The dimensions a metric adds itself, after the base and placement ones.</summary>
    public static Dimension[] OwnDimensions(MetricDefinition definition, NamingStyle naming, string item, string physical)
    {
        bool legacy = IsCoreInName(definition, naming);
        return definition.Scope switch
        {
            MetricScope.NeuronCore => legacy ? [] : [new(DimensionNames.NeuronCore, item)],
            MetricScope.PhysicalCore => legacy
                ? [new(DimensionNames.PhysicalNeuronCore, physical)]
                : [new(DimensionNames.NeuronCore, item), new(DimensionNames.PhysicalNeuronCore, physical)],
            MetricScope.NeuronDevice => [new(DimensionNames.NeuronDevice, item)],
            MetricScope.ErrorKind => [new(DimensionNames.ErrorKind, item)],
            _ => [],
        };
    }

    /// <summary>Whether the metric carries RuntimeTag when it is selected: metrics of runtime groups that are not per instance.</summary>
    public static bool CarriesRuntimeTag(MetricDefinition definition) =>
        definition.Scope != MetricScope.Instance && GroupTypeNames.RuntimeGroups.Contains(definition.GroupType, StringComparer.Ordinal);

    /// <summary>Whether the metric carries the selected Kubernetes placement dimensions (per core or device).</summary>
    public static bool CarriesPlacement(MetricDefinition definition) =>
        definition.Scope is MetricScope.NeuronCore or MetricScope.PhysicalCore or MetricScope.NeuronDevice;

    /// <summary>The instance-level names of <paramref name="settings"/>: selected ones that are neither RuntimeTag nor placement, then the static ones.</summary>
    public static IReadOnlyList<string> InstanceDimensionNames(DimensionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return
        [
            .. settings.Selected.Where(n => n != DimensionNames.RuntimeTag && !DimensionNames.Placement.Contains(n)),
            .. settings.Static.Select(d => d.Name),
        ];
    }

    /// <summary>Every dimension name of <paramref name="definition"/>, in the order sent.</summary>
    public static IReadOnlyList<string> DimensionNamesOf(MetricDefinition definition, DimensionSettings settings, NamingStyle naming)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var names = new List<string>(InstanceDimensionNames(settings));
        if (settings.IncludesRuntimeTag && CarriesRuntimeTag(definition))
        {
            names.Add(DimensionNames.RuntimeTag);
        }

        if (CarriesPlacement(definition))
        {
            names.AddRange(settings.Selected.Where(DimensionNames.Placement.Contains));
        }

        names.AddRange(OwnDimensions(definition, naming, "0", "0").Select(d => d.Name));
        return names;
    }
}
