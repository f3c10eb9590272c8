using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Filtering;

/// <summary>
/// Keeps what the monitor.conf selects: runtimes whose tag matches a <c>neuron_runtimes</c> entry
/// (first match wins) with that entry's groups, and the configured system groups. Runtimes and
/// groups that carry an error are skipped and said on stderr, rate-limited.
/// </summary>
public sealed class ReportFilter(MonitorConfig config, RepeatThrottle warnings)
{
    private readonly Dictionary<string, RuntimeSelector?> _selectorByTag = new(StringComparer.Ordinal);

    public void Select(NeuronReport report, List<SelectedGroup> output)
    {
        foreach (var runtime in report.Runtimes)
        {
            var selector = SelectorFor(runtime.Tag);
            if (selector is null)
            {
                continue;
            }

            if (runtime.Error is { } runtimeError)
            {
                warnings.Write(LogLevel.Warning, "runtime:" + runtime.Tag, $"runtime '{runtime.Tag}' skipped: neuron-monitor error: {runtimeError}");
                continue;
            }

            foreach (var group in runtime.Groups)
            {
                if (Contains(selector.Groups, GroupTypeNames.Canonical(group.Type)) && Usable(group, runtime.Tag))
                {
                    output.Add(new SelectedGroup(group, runtime));
                }
            }
        }

        foreach (var group in report.SystemGroups)
        {
            if (Contains(config.SystemGroups, group.Type) && Usable(group, null))
            {
                output.Add(new SelectedGroup(group, null));
            }
        }
    }

    private RuntimeSelector? SelectorFor(string tag)
    {
        if (!_selectorByTag.TryGetValue(tag, out var selector))
        {
            if (_selectorByTag.Count >= 1024)
            {
                _selectorByTag.Clear(); // pid tags change with every restart
            }

            selector = config.SelectorFor(tag);
            _selectorByTag[tag] = selector;
        }

        return selector;
    }

    private bool Usable(GroupSection group, string? tag)
    {
        if (group.Error is not { } error)
        {
            return true;
        }

        string owner = tag is null ? "system" : $"runtime '{tag}'";
        warnings.Write(LogLevel.Warning, $"group:{tag}:{group.Type}", $"{owner} group '{group.Type}' skipped: neuron-monitor error: {error}");
        return false;
    }

    private static bool Contains(IReadOnlyList<string> groups, string type)
    {
        for (int i = 0; i < groups.Count; i++)
        {
            if (string.Equals(groups[i], type, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
