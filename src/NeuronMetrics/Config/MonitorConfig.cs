using NeuronMetrics.Reports;

namespace NeuronMetrics.Config;

/// <summary>What a neuron-monitor config file selects: runtime groups per tag filter, and system groups.</summary>
public sealed record MonitorConfig(IReadOnlyList<RuntimeSelector> Runtimes, IReadOnlyList<string> SystemGroups, TimeSpan? Period)
{
    /// <summary>No config file: per-core utilization for every runtime.</summary>
    public static MonitorConfig Default { get; } = new(
        [new RuntimeSelector(null, [GroupTypeNames.NeuronCoreCounters]) { Field = "default" }],
        [],
        null);

    /// <summary>The first selector that matches, as neuron-monitor applies them, or null.</summary>
    public RuntimeSelector? SelectorFor(string tag, string? address = null)
    {
        foreach (var selector in Runtimes)
        {
            if (selector.Matches(tag, address))
            {
                return selector;
            }
        }

        return null;
    }

    public IEnumerable<string> AllGroups => Runtimes.SelectMany(r => r.Groups).Concat(SystemGroups).Distinct(StringComparer.Ordinal);

    /// <summary>The runtime entries in words, for messages: <c>tag_filter "x" (neuron_runtimes[0]), …</c>.</summary>
    public string DescribeRuntimes() => Runtimes.Count == 0
        ? "no neuron_runtimes entry"
        : string.Join(", ", Runtimes.Select(r => $"{r.Describe()} ({r.Field})"));
}
