using System.Text;
using NeuronMetrics.Aggregation;
using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Input;
using NeuronMetrics.Mapping;
using NeuronMetrics.Pipeline;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Tests.Pipeline;

/// <summary>Reports arrive but nothing is sent: one warning saying why.</summary>
public sealed class SelectionDiagnosticsTests
{
    private static readonly string TwoTags = ReportBuilder.Build("i-1", new RuntimeSpec("bert-serving", 41, [10]), new RuntimeSpec("1", 42, [20]));

    private static MonitorConfig Config(string json) => MonitorConfigLoader.Load(json, "monitor.conf", new ListLog());

    private static async Task<ListLog> RunAsync(string input, MonitorConfig? config, MetricSelection? selection = null, IReadOnlyList<string>? patterns = null)
    {
        var runner = new PipelineRunner { Selection = selection ?? MetricSelection.Default, MetricPatterns = patterns };
        await runner.RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(input)), new InMemorySink(), config);
        return runner.Log;
    }

    private static IEnumerable<string> Diagnoses(ListLog log) =>
        log.Lines.Where(l => l.Level == LogLevel.Warning && l.Message.StartsWith("reports arrive but nothing is sent: ", StringComparison.Ordinal)).Select(l => l.Message);

    [Fact]
    public async Task Run_TagFilterKeepsNoRuntime_SaysWhichTagsWereSeen()
    {
        var log = await RunAsync(TwoTags + TwoTags, Config("""{"neuron_runtimes":[{"tag_filter":"^resnet","metrics":[{"type":"neuroncore_counters"}]}]}"""));

        Diagnoses(log).Should().Equal(
            "reports arrive but nothing is sent: the tag filters kept no runtime (tags seen: 'bert-serving', '1'; config: tag_filter \"^resnet\" (neuron_runtimes[0]))");
    }

    [Fact]
    public async Task Run_EnabledGroupsAbsent_SaysWhatTheReportsHold()
    {
        var log = await RunAsync(File.ReadAllText(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")), Config("""{"neuron_runtimes":[{"metrics":[{"type":"memory_used"}]}],"system_metrics":[{"type":"memory_info"}]}"""));

        Diagnoses(log).Should().Equal(
            "reports arrive but nothing is sent: the groups the config enables (memory_info, memory_used) are not in the reports (they hold: neuroncore_counters); give neuron-monitor the same monitor.conf");
    }

    [Fact]
    public async Task Run_MetricsMatchNothingPresent_SaysWhatTheGroupsGive()
    {
        var log = await RunAsync(
            File.ReadAllText(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")),
            config: null,
            MetricSelection.Create(["NeuronCoreFlops"], false),
            ["NeuronCoreFlops"]);

        Diagnoses(log).Should().Equal(
            "reports arrive but nothing is sent: --metrics NeuronCoreFlops selects NeuronCoreFlops of the enabled groups the reports hold (neuroncore_counters), and the reports give none of them");
    }

    [Fact]
    public async Task Run_NoRuntimeInTheReports_SaysSo()
    {
        var log = await RunAsync("""{"neuron_runtime_data":[],"instance_info":{"instance_id":"i-1"}}""" + "\n", config: null);

        Diagnoses(log).Should().Equal(
            "reports arrive but nothing is sent: the reports list no Neuron application (neuron_runtime_data is empty): is one running, and can neuron-monitor see it?");
    }

    [Fact]
    public async Task Run_ConfigEnablesNoGroup_SaysSo()
    {
        var log = await RunAsync(TwoTags, Config("{}"));

        Diagnoses(log).Should().Equal("reports arrive but nothing is sent: the config enables no metric group (neuron_runtimes[].metrics and system_metrics are empty)");
    }

    [Fact]
    public async Task Run_SomethingSent_NoDiagnosis()
    {
        var log = await RunAsync(TwoTags, Config("""{"neuron_runtimes":[{"tag_filter":"bert","metrics":[{"type":"neuroncore_counters"}]}]}"""));

        Diagnoses(log).Should().BeEmpty();
    }

    [Fact]
    public void Process_ConditionAfterEachWindow_SaidWhenItBecomesTrueAgain()
    {
        var log = new ListLog();
        var settings = new ReadingSettings { Config = Config("""{"neuron_runtimes":[{"tag_filter":"^bert","metrics":[{"type":"neuroncore_counters"}]}]}"""), DiagnosisWindow = TimeSpan.FromSeconds(60) };
        var processor = ReportProcessor.Create(settings, new MetricAggregator(TimeSpan.FromSeconds(60), AggregationMode.Values), new PipelineStatistics(), new RepeatThrottle(log, TimeProvider.System, RepeatThrottle.DefaultInterval), log);
        byte[] unmatched = Encoding.UTF8.GetBytes(ReportBuilder.Build("i-1", new RuntimeSpec("resnet", 1, [10])));
        byte[] matched = Encoding.UTF8.GetBytes(ReportBuilder.Build("i-1", new RuntimeSpec("bert", 1, [10])));
        var start = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        int said = 0;
        void Feed(byte[] report, int fromSecond, int toSecond)
        {
            for (int second = fromSecond; second <= toSecond; second += 5)
            {
                processor.Process(new FramedDocument(report, 1, null), start.AddSeconds(second));
            }
        }

        Feed(unmatched, 0, 55);
        Diagnoses(log).Should().BeEmpty("the first check comes after one window");
        Feed(unmatched, 60, 240);
        Diagnoses(log).Should().HaveCount(++said, "said once while it stays true");
        Feed(matched, 245, 400);
        Feed(unmatched, 405, 600);
        Diagnoses(log).Should().HaveCount(++said, "said again when it becomes true again");
    }
}
