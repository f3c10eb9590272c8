using System.Text.RegularExpressions;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Config;

/// <summary>What a neuron-monitor config file selects: runtime groups per tag filter, and system groups.</summary>
public sealed record MonitorConfig(IReadOnlyList<RuntimeSelector> Runtimes, IReadOnlyList<string> SystemGroups, TimeSpan? Period)
{
    /// <summary>No config file: per-core utilization for every runtime.</summary>
    public static MonitorConfig Default { get; } = new(
        [new RuntimeSelector(MonitorConfigLoader.CompileTagFilter(".*"), [GroupTypeNames.NeuronCoreCounters])],
        [],
        null);

    /// <summary>The first selector whose tag filter matches, as neuron-monitor applies them, or null.</summary>
    public RuntimeSelector? SelectorFor(string tag)
    {
        foreach (var selector in Runtimes)
        {
            if (selector.Matches(tag))
            {
                return selector;
            }
        }

        return null;
    }

    public IEnumerable<string> AllGroups => Runtimes.SelectMany(r => r.Groups).Concat(SystemGroups).Distinct(StringComparer.Ordinal);
}
