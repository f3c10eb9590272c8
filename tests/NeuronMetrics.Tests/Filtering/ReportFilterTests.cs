using System.Text;
using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Filtering;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Tests.Filtering;

public sealed class ReportFilterTests
{
    private readonly ListLog _log = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    private List<(string Type, string? Tag)> Select(string configJson, string reportJson, ReportFilter? filter = null)
    {
        filter ??= CreateFilter(configJson);
        var report = new NeuronReport();
        new NeuronReportParser().Parse(Encoding.UTF8.GetBytes(reportJson), report).IsOk.Should().BeTrue();
        var output = new List<SelectedGroup>();
        filter.Select(report, output);
        return output.Select(s => (s.Group.Type, s.Runtime?.Tag)).ToList();
    }

    private ReportFilter CreateFilter(string configJson, ListLog? log = null)
    {
        log ??= _log;
        return new(MonitorConfigLoader.Load(configJson, "t.conf", log), new RepeatThrottle(log, _clock, RepeatThrottle.DefaultInterval), log);
    }

    private const string TwoRuntimes = """
        {"neuron_runtime_data":[
          {"neuron_runtime_tag":"inference-a","error":"","report":{"neuroncore_counters":{"error":""},"memory_used":{"error":""}}},
          {"neuron_runtime_tag":"training","error":"","report":{"neuroncore_counters":{"error":""},"memory_used":{"error":""}}}],
         "system_data":{"memory_info":{"error":""},"vcpu_usage":{"error":""}}}
        """;

    [Fact]
    public void Select_TagFilter_KeepsMatchingRuntimesOnly()
    {
        var selected = Select("""{"neuron_runtimes":[{"tag_filter":"inference-.*","metrics":[{"type":"neuroncore_counters"}]}]}""", TwoRuntimes);

        selected.Should().Equal(("neuroncore_counters", "inference-a"));
    }

    [Fact]
    public void Select_FirstMatchingEntry_DecidesTheGroups()
    {
        const string config = """
            {"neuron_runtimes":[
              {"tag_filter":"training","metrics":[{"type":"memory_used"}]},
              {"tag_filter":".*","metrics":[{"type":"neuroncore_counters"}]}]}
            """;

        Select(config, TwoRuntimes).Should().Equal(("neuroncore_counters", "inference-a"), ("memory_used", "training"));
    }

    [Fact]
    public void Select_SystemGroups_OnlyConfiguredOnes()
    {
        Select("""{"system_metrics":[{"type":"memory_info"}]}""", TwoRuntimes).Should().Equal(("memory_info", (string?)null));
    }

    [Fact]
    public void Select_RuntimeWithError_IsSkippedAndSaidOnce()
    {
        const string config = """{"neuron_runtimes":[{"metrics":[{"type":"neuroncore_counters"}]}]}""";
        const string report = """{"neuron_runtime_data":[{"neuron_runtime_tag":"x","error":"runtime gone","report":{"neuroncore_counters":{"error":""}}}]}""";
        var filter = CreateFilter(config);

        for (int i = 0; i < 10; i++)
        {
            Select(config, report, filter).Should().BeEmpty();
        }

        _log.Lines.Should().ContainSingle().Which.Message.Should().Be("runtime 'x' skipped: neuron-monitor error: runtime gone");

        _clock.Advance(RepeatThrottle.DefaultInterval + TimeSpan.FromMinutes(1));
        Select(config, report, filter);
        _log.Lines.Should().HaveCount(2);
        _log.Lines[1].Message.Should().Be("runtime 'x' skipped: neuron-monitor error: runtime gone (9 repeats not shown)");
    }

    [Fact]
    public void Select_GroupWithError_IsSkippedOthersKept()
    {
        const string config = """{"neuron_runtimes":[{"metrics":[{"type":"neuroncore_counters"},{"type":"memory_used"}]}]}""";
        const string report = """{"neuron_runtime_data":[{"neuron_runtime_tag":"x","report":{"neuroncore_counters":{"error":"counters unavailable"},"memory_used":{"error":""}}}]}""";

        Select(config, report).Should().Equal(("memory_used", "x"));
        _log.Messages.Should().Equal("runtime 'x' group 'neuroncore_counters' skipped: neuron-monitor error: counters unavailable");
    }

    [Fact]
    public void Select_OldInferenceStats_MatchesExecutionStatsConfig()
    {
        const string config = """{"neuron_runtimes":[{"metrics":[{"type":"execution_stats"}]}]}""";
        const string report = """{"neuron_runtime_data":[{"neuron_runtime_tag":"x","report":{"inference_stats":{}}}]}""";

        Select(config, report).Should().Equal(("inference_stats", "x"));
    }

    [Fact]
    public void Select_DefaultConfig_TakesNeuronCoreCountersOfEveryRuntime()
    {
        var filter = new ReportFilter(MonitorConfig.Default, new RepeatThrottle(_log, _clock, RepeatThrottle.DefaultInterval), _log);

        Select("", TwoRuntimes, filter).Should().Equal(("neuroncore_counters", "inference-a"), ("neuroncore_counters", "training"));
    }

    [Fact]
    public void Select_TagNoEntryMatches_WarnedOncePerTagNamingTheFilters()
    {
        const string config = """{"neuron_runtimes":[{"tag_filter":"^inference","metrics":[{"type":"neuroncore_counters"}]},{"address":"unix:/run/neuron.sock","metrics":[]}]}""";
        var filter = CreateFilter(config);

        for (int i = 0; i < 3; i++)
        {
            Select(config, TwoRuntimes, filter).Should().Equal(("neuroncore_counters", "inference-a"));
        }

        _log.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message).Should().Equal(
            "runtime tag 'training' matches no neuron_runtimes entry of the config (tag_filter \"^inference\" (neuron_runtimes[0]), address \"unix:/run/neuron.sock\" (neuron_runtimes[1])): its metrics are not sent (tag_filter is a regex searched in the tag)");
        filter.UnmatchedTags.Should().Equal("training");
    }

    [Fact]
    public void Select_AddressEntry_TakesTheNeuronRtdRuntime()
    {
        const string config = """{"neuron_runtimes":[{"address":"unix:/run/neuron.sock","metrics":[{"type":"neuroncore_counters"}]}]}""";
        const string report = """
            {"neuron_runtime_data":[
              {"pid":0,"address":"unix:/run/neuron.sock","neuron_runtime_tag":"unix:/run/neuron.sock","report":{"neuroncore_counters":{}}},
              {"pid":9,"neuron_runtime_tag":"app","report":{"neuroncore_counters":{}}}]}
            """;

        Select(config, report).Should().Equal(("neuroncore_counters", "unix:/run/neuron.sock"));
    }

    [Fact]
    public void Select_Outcome_CountsRuntimesAndGroups()
    {
        const string config = """{"neuron_runtimes":[{"tag_filter":"inference","metrics":[{"type":"neuroncore_counters"}]}],"system_metrics":[{"type":"memory_info"}]}""";
        var filter = CreateFilter(config);
        var report = new NeuronReport();
        new NeuronReportParser().Parse(Encoding.UTF8.GetBytes(TwoRuntimes), report);

        filter.Select(report, []).Should().Be(new FilterOutcome(RuntimesSeen: 2, RuntimesMatched: 1, RuntimesKept: 1, GroupsSelected: 2));
    }

    [Fact]
    public void Select_DebugLogging_SaysWhyEachRuntimeAndGroupIsLeftOutRateLimited()
    {
        const string config = """{"neuron_runtimes":[{"tag_filter":"inference","metrics":[{"type":"neuroncore_counters"}]}],"system_metrics":[{"type":"memory_info"}]}""";
        var log = new ListLog(LogLevel.Debug);
        var filter = CreateFilter(config, log);

        for (int i = 0; i < 5; i++)
        {
            Select(config, TwoRuntimes, filter);
        }

        log.Lines.Where(l => l.Level == LogLevel.Debug).Select(l => l.Message).Should().BeEquivalentTo(
            "runtime 'training' left out: no neuron_runtimes entry matches it (tag_filter \"inference\" (neuron_runtimes[0]))",
            "runtime 'inference-a' group 'memory_used' left out: not enabled by neuron_runtimes[0]",
            "system group 'vcpu_usage' left out: not in system_metrics");
    }

    [Fact]
    public void Select_DebugOff_NoDebugLine()
    {
        var log = new LevelLog(LogLevel.Info);
        var filter = new ReportFilter(MonitorConfigLoader.Load("""{"neuron_runtimes":[{"tag_filter":"inference","metrics":[]}]}""", "t.conf", log), new RepeatThrottle(log, _clock, RepeatThrottle.DefaultInterval), log);

        Select("", TwoRuntimes, filter);

        log.Lines.Should().OnlyContain(l => l.Level != LogLevel.Debug);
    }

    private sealed class LevelLog(LogLevel minimum) : IDiagnosticLog
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public bool IsEnabled(LogLevel level) => level >= minimum;

        public void Write(LogLevel level, string message) => Lines.Add((level, message));
    }
}
