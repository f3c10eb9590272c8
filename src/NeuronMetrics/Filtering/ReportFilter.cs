using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Filtering;

/// <summary>
/// Keeps what the monitor.conf selects: runtimes matched by a <c>neuron_runtimes</c> entry (first
/// match wins; see <see cref="RuntimeSelector"/>) with that entry's groups, and the configured
/// system groups. Runtimes and groups that carry an error are skipped and said on stderr,
/// rate-limited. A tag that no entry matches is said once per tag (the report holds only what
/// neuron-monitor's own filter kept, so the two programs read the filter differently); with debug
/// logging, every runtime or group left out is said, rate-limited.
/// </summary>
public sealed class ReportFilter
{
    private const int MaxRememberedTags = 1024;

    /// <summary>Tags kept for the "nothing selected" diagnosis.</summary>
    private const int MaxListedTags = 10;

    private readonly Dictionary<(string Tag, string? Address), RuntimeSelector?> _selectors = [];
    private readonly HashSet<string> _unmatchedWarned = new(StringComparer.Ordinal);
    private readonly List<string> _unmatchedTags = [];
    private readonly MonitorConfig _config;
    private readonly RepeatThrottle _warnings;
    private readonly IDiagnosticLog _log;
    private readonly bool _debug;

    public ReportFilter(MonitorConfig config, RepeatThrottle warnings, IDiagnosticLog log)
    {
        _config = config;
        _warnings = warnings;
        _log = log;
        _debug = log.IsEnabled(LogLevel.Debug);
    }

    public MonitorConfig Config => _config;

    /// <summary>The first tags seen that no entry matches (at most 10), for diagnosing a run that sends nothing.</summary>
    public IReadOnlyList<string> UnmatchedTags => _unmatchedTags;

    public FilterOutcome Select(NeuronReport report, List<SelectedGroup> output)
    {
        int matched = 0, kept = 0, start = output.Count;
        foreach (var runtime in report.Runtimes)
        {
            var selector = SelectorFor(runtime);
            if (selector is null)
            {
                continue;
            }

            matched++;
            if (runtime.Error is { } runtimeError)
            {
                _warnings.Write(LogLevel.Warning, "runtime:" + runtime.Tag, $"runtime '{runtime.Tag}' skipped: neuron-monitor error: {runtimeError}");
                continue;
            }

            kept++;
            foreach (var group in runtime.Groups)
            {
                if (!Contains(selector.Groups, GroupTypeNames.Canonical(group.Type)))
                {
                    if (_debug)
                    {
                        Debug($"left-out:{runtime.Tag}:{group.Type}", $"runtime '{runtime.Tag}' group '{group.Type}' left out: not enabled by {selector.Field}");
                    }
                }
                else if (Usable(group, runtime.Tag))
                {
                    output.Add(new SelectedGroup(group, runtime));
                }
            }
        }

        foreach (var group in report.SystemGroups)
        {
            if (!Contains(_config.SystemGroups, group.Type))
            {
                if (_debug)
                {
                    Debug("left-out:system:" + group.Type, $"system group '{group.Type}' left out: not in system_metrics");
                }
            }
            else if (Usable(group, null))
            {
                output.Add(new SelectedGroup(group, null));
            }
        }

        return new FilterOutcome(report.Runtimes.Count, matched, kept, output.Count - start);
    }

    private RuntimeSelector? SelectorFor(RuntimeData runtime)
    {
        var key = (runtime.Tag, runtime.Address);
        if (!_selectors.TryGetValue(key, out var selector))
        {
            if (_selectors.Count >= MaxRememberedTags)
            {
                _selectors.Clear(); // pid tags change with every restart
            }

            selector = _config.SelectorFor(runtime.Tag, runtime.Address);
            _selectors[key] = selector;
            if (selector is null)
            {
                Unmatched(runtime.Tag);
            }
        }

        if (selector is null && _debug)
        {
            Debug("left-out:" + runtime.Tag, $"runtime '{runtime.Tag}' left out: no neuron_runtimes entry matches it ({_config.DescribeRuntimes()})");
        }

        return selector;
    }

    private void Unmatched(string tag)
    {
        if (_unmatchedTags.Count < MaxListedTags && !_unmatchedTags.Contains(tag))
        {
            _unmatchedTags.Add(tag);
        }

        if (_unmatchedWarned.Count < MaxRememberedTags && _unmatchedWarned.Add(tag))
        {
            _log.Write(LogLevel.Warning, $"runtime tag '{tag}' matches no neuron_runtimes entry of the config ({_config.DescribeRuntimes()}): its metrics are not sent (tag_filter is a regex searched in the tag)");
        }
    }

    private bool Usable(GroupSection group, string? tag)
    {
        if (group.Error is not { } error)
        {
            return true;
        }

        string owner = tag is null ? "system" : $"runtime '{tag}'";
        _warnings.Write(LogLevel.Warning, $"group:{tag}:{group.Type}", $"{owner} group '{group.Type}' skipped: neuron-monitor error: {error}");
        return false;
    }

    /// <summary>Callers check <see cref="_debug"/> first, so messages are only built when they can be written.</summary>
    private void Debug(string key, string message) => _warnings.Write(LogLevel.Debug, key, message);

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
