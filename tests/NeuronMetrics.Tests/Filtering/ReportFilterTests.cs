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

    private ReportFilter CreateFilter(string configJson) =>
        new(MonitorConfigLoader.Load(configJson, "t.conf", _log), new RepeatThrottle(_log, _clock, TimeSpan.FromMinutes(5)), _log);

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

        _clock.Advance(TimeSpan.FromMinutes(6));
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
        var filter = new ReportFilter(MonitorConfig.Default, new RepeatThrottle(_log, _clock, TimeSpan.FromMinutes(5)), _log);

        Select("", TwoRuntimes, filter).Should().Equal(("neuroncore_counters", "inference-a"), ("neuroncore_counters", "training"));
    }
}
