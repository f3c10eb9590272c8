using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Filtering;
using NeuronMetrics.Mapping;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Pipeline;

/// <summary>
/// Says why, when reports arrive but nothing is selected from them: no Neuron application in the
/// reports, tag filters that keep no runtime (with the tags seen), enabled groups the reports do
/// not hold, or <c>--metrics</c> matching nothing present. Checked once per window (the flush
/// interval, from the first report) and at end of input; said once when it becomes true, and again
/// if it becomes true again later. Reading thread only.
/// </summary>
internal sealed class SelectionDiagnostics(ReadingSettings settings, ReportFilter filter, IDiagnosticLog log)
{
    private const string Prefix = "reports arrive but nothing is sent: ";

    private long _reports;
    private long _runtimesSeen;
    private long _runtimesMatched;
    private long _runtimesKept;
    private long _groupsSelected;
    private long _samples;
    private DateTimeOffset? _windowEnd;
    private int _said; // the reason said last (0: none, or the condition ended since)

    public void Observe(in FilterOutcome outcome, int samples, NeuronReport report, DateTimeOffset now)
    {
        _reports++;
        _runtimesSeen += outcome.RuntimesSeen;
        _runtimesMatched += outcome.RuntimesMatched;
        _runtimesKept += outcome.RuntimesKept;
        _groupsSelected += outcome.GroupsSelected;
        _samples += samples;
        _windowEnd ??= now + settings.DiagnosisWindow;
        if (now >= _windowEnd)
        {
            Check(report);
            _windowEnd = now + settings.DiagnosisWindow;
        }
    }

    /// <summary>End of input: the window so far is checked (a replayed file is often shorter than one).</summary>
    public void Complete(NeuronReport lastReport)
    {
        if (_reports > 0)
        {
            Check(lastReport);
        }
    }

    private void Check(NeuronReport report)
    {
        var (reason, message) = _samples > 0 ? (0, "") : Diagnose(report);
        if (reason != 0 && reason != _said)
        {
            log.Write(LogLevel.Warning, Prefix + message);
        }

        _said = reason;
        _reports = _runtimesSeen = _runtimesMatched = _runtimesKept = _groupsSelected = _samples = 0;
    }

    private (int Reason, string Message) Diagnose(NeuronReport report)
    {
        var config = settings.Config;
        if (!config.AllGroups.Any())
        {
            return (7, "the config enables no metric group (neuron_runtimes[].metrics and system_metrics are empty)");
        }

        if (_runtimesSeen == 0 && config.SystemGroups.Count == 0)
        {
            return (1, "the reports list no Neuron application (neuron_runtime_data is empty): is one running, and can neuron-monitor see it?");
        }

        if (_runtimesSeen > 0 && _runtimesMatched == 0 && config.SystemGroups.Count == 0)
        {
            string tags = string.Join(", ", filter.UnmatchedTags.Select(t => $"'{t}'"));
            return (2, $"the tag filters kept no runtime (tags seen: {tags}; config: {config.DescribeRuntimes()})");
        }

        if (_runtimesMatched > 0 && _runtimesKept == 0 && config.SystemGroups.Count == 0)
        {
            return (3, "every runtime the config selects carries a neuron-monitor error (see the warnings above)");
        }

        var present = Present(report);
        if (_groupsSelected == 0)
        {
            return (4, $"the groups the config enables ({List(config.AllGroups)}) are not in the reports (they hold: {List(present)}); give neuron-monitor the same monitor.conf");
        }

        if (settings.MetricPatterns is { } patterns)
        {
            var groups = present.Where(config.AllGroups.Contains).ToList();
            var selected = settings.Selection.Enabled.Where(d => groups.Contains(d.GroupType)).Select(d => d.Name);
            return (5, $"--metrics {string.Join(",", patterns)} selects {List(selected)} of the enabled groups the reports hold ({List(groups)}), and the reports give none of them");
        }

        return (6, "the selected groups hold no usable value (see values-dropped in the stats line)");
    }

    private static HashSet<string> Present(NeuronReport report)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var runtime in report.Runtimes)
        {
            present.UnionWith(runtime.Groups.Select(g => GroupTypeNames.Canonical(g.Type)));
        }

        present.UnionWith(report.SystemGroups.Select(g => g.Type));
        present.UnionWith(report.UnreadGroups.Select(GroupTypeNames.Canonical));
        return present;
    }

    private static string List(IEnumerable<string> names) => names.Any() ? string.Join(", ", names.Order(StringComparer.Ordinal)) : "none";
}
