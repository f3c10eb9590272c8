using System.Text;
using System.Text.Json;
using NeuronMetrics.Aggregation;
using NeuronMetrics.Config;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Tests.Pipeline;

/// <summary>Metric groups, naming, dimensions and aggregation modes through the whole pipeline.</summary>
public sealed class MetricGroupPipelineTests
{
    private static MonitorConfig AllGroups => MonitorConfigLoader.LoadFile(RepositoryFiles.Sample("monitor-all-groups.conf"), new ListLog());

    private static string Report(double core0, int completed, string tag = "app", long pid = 1) =>
        "{\"neuron_runtime_data\":[{\"pid\":" + pid + ",\"neuron_runtime_tag\":\"" + tag + "\",\"error\":\"\",\"report\":{"
        + "\"neuroncore_counters\":{\"neuroncores_in_use\":{\"0\":{\"neuroncore_utilization\":" + core0.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}},\"error\":\"\"},"
        + "\"execution_stats\":{\"execution_summary\":{\"completed\":" + completed + ",\"timed_out\":0},\"latency_stats\":null,\"error\":\"\"}}}],"
        + "\"system_data\":null,\"instance_info\":{\"instance_id\":\"i-1\",\"instance_type\":\"inf1.xlarge\"}}\n";

    private static MemoryStream Input(params string[] reports) => new(Encoding.UTF8.GetBytes(string.Concat(reports)));

    private static async Task<List<MetricDatum>> RunAsync(PipelineRunner runner, AggregationMode mode, params string[] reports)
    {
        var sink = new InMemorySink();
        await runner.RunAsync(Input(reports), sink, AllGroups, mode);
        return [.. sink.Batches.SelectMany(b => b.Data)];
    }

    [Fact]
    public async Task Values_DistinctValuesWithCounts()
    {
        var datums = await RunAsync(new PipelineRunner(), AggregationMode.Values, Report(10, 300), Report(20, 200), Report(10, 300));

        var utilization = datums.Single(d => d.MetricName == "NeuronCoreUtilization");
        utilization.Values.Should().Equal(10, 20);
        utilization.Counts.Should().Equal(2, 1);
        utilization.Unit.Should().Be("Percent");
        var completed = datums.Single(d => d.MetricName == "ExecutionsCompleted");
        completed.Values.Should().Equal(300, 200);
        completed.Counts.Should().Equal(2, 1);
        completed.Unit.Should().Be("Count");
        datums.Should().OnlyContain(d => d.StorageResolution == 60 && d.Timestamp == new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Statistics_CountSumMinMax_CountersSumPerPeriodCounts()
    {
        var datums = await RunAsync(new PipelineRunner(), AggregationMode.Statistics, Report(10, 300), Report(20, 200), Report(12.5, 0));

        datums.Single(d => d.MetricName == "NeuronCoreUtilization").StatisticValues.Should().Be(new StatisticSet(3, 42.5, 10, 20));

        // Per-period counts are summed over the interval, never turned into a running total.
        datums.Single(d => d.MetricName == "ExecutionsCompleted").StatisticValues.Should().Be(new StatisticSet(3, 500, 0, 300));
        datums.Should().OnlyContain(d => d.Values == null && d.Value == null);
    }

    [Fact]
    public async Task None_OneDatumPerSample()
    {
        var datums = await RunAsync(new PipelineRunner(), AggregationMode.None, Report(10, 300), Report(20, 200));

        datums.Where(d => d.MetricName == "NeuronCoreUtilization").Select(d => d.Value).Should().Equal(10.0, 20.0);
        datums.Where(d => d.MetricName == "ExecutionsCompleted").Select(d => d.Value).Should().Equal(300.0, 200.0);
        datums.Should().OnlyContain(d => d.Values == null && d.StatisticValues == null && d.Timestamp == PipelineRunner.Start);
    }

    [Fact]
    public async Task StorageResolution1_OnEveryDatum()
    {
        var datums = await RunAsync(new PipelineRunner { StorageResolution = 1 }, AggregationMode.Statistics, Report(10, 1));

        datums.Should().HaveCount(3).And.OnlyContain(d => d.StorageResolution == 1);
    }

    [Fact]
    public async Task Legacy_PerCoreNamesNoCoreDimension()
    {
        var datums = await RunAsync(new PipelineRunner { Naming = NamingStyle.Legacy }, AggregationMode.Values, Report(10, 1));

        datums.Select(d => d.MetricName).Should().BeEquivalentTo("NeuronCoreUtilizationNC0", "ExecutionsCompleted", "ExecutionsTimedOut");
        datums.Should().OnlyContain(d => d.Dimensions.SequenceEqual(new[] { new Dimension("InstanceId", "i-1") }));
    }

    [Fact]
    public async Task Dimensional_CoreDimension()
    {
        var datums = await RunAsync(new PipelineRunner(), AggregationMode.Values, Report(10, 1));

        datums.Single(d => d.MetricName == "NeuronCoreUtilization").Dimensions.Should().Equal(new Dimension("InstanceId", "i-1"), new Dimension("NeuronCore", "0"));
    }

    [Fact]
    public async Task RuntimeTagAndStaticDimensions_PerRuntimeMetrics_PidTagWarnedOnce()
    {
        var runner = new PipelineRunner
        {
            Dimensions = new DimensionSettings { Selected = ["InstanceType", "RuntimeTag"], Static = [new Dimension("Team", "ml")] },
        };

        var datums = await RunAsync(runner, AggregationMode.Values, Report(10, 1, tag: "77", pid: 77), Report(10, 1, tag: "77", pid: 77), Report(5, 1, tag: "serving", pid: 78));

        datums.Where(d => d.MetricName == "ExecutionsCompleted").Select(d => string.Join(",", d.Dimensions.Select(x => x.Name + "=" + x.Value)))
            .Should().Equal("InstanceType=inf1.xlarge,Team=ml,RuntimeTag=77", "InstanceType=inf1.xlarge,Team=ml,RuntimeTag=serving");
        runner.Log.Messages.Should().ContainSingle().Which.Should().StartWith("runtime tag '77' is a pid:");
    }

    [Fact]
    public async Task InstanceAverage_MeanOverCoresOfEveryRuntimeInEachReport()
    {
        var runner = new PipelineRunner { Selection = MetricSelection.Create(["NeuronCoreUtilization"], instanceAverage: true) };
        string[] lines = File.ReadAllLines(RepositoryFiles.Sample("trn1.32xlarge-two-runtimes.jsonl"));
        var cores = lines.Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.GetProperty("neuron_runtime_data").EnumerateArray()
                .SelectMany(r => r.GetProperty("report").GetProperty("neuroncore_counters").GetProperty("neuroncores_in_use").EnumerateObject())
                .Select(c => c.Value.GetProperty("neuroncore_utilization").GetDouble()).ToList();
        }).ToList();
        var expected = cores.Select(c => c.Average()).ToList();

        var datums = await RunAsync(runner, AggregationMode.None, lines.Select(l => l + "\n").ToArray());

        var average = datums.Where(d => d.MetricName == "NeuronCoreUtilizationAverage").ToList();
        average.Select(d => d.Value!.Value).Should().Equal(expected, (a, b) => Math.Abs(a - b) < 1e-9);
        average.Should().OnlyContain(d => d.Dimensions.SequenceEqual(new[] { new Dimension("InstanceId", "i-0fedcba9876543210") }));
        datums.Count(d => d.MetricName == "NeuronCoreUtilization").Should().Be(cores.Sum(c => c.Count));
        cores.Should().OnlyContain(c => c.Count > 16); // both runtimes' cores are in each report
    }

    [Fact]
    public async Task MetricsSelection_OnlySelectedMetricsOfEnabledGroups()
    {
        var runner = new PipelineRunner { Selection = MetricSelection.Create(["ExecutionLatency*", "SystemMemory*"], false) };
        using var input = File.OpenRead(RepositoryFiles.Sample("inf1.xlarge-all-groups.jsonl"));
        var sink = new InMemorySink();

        await runner.RunAsync(input, sink, AllGroups);

        sink.Batches.SelectMany(b => b.Data).Select(d => d.MetricName).Should().BeEquivalentTo(
            "ExecutionLatencyP0", "ExecutionLatencyP1", "ExecutionLatencyP25", "ExecutionLatencyP50", "ExecutionLatencyP75", "ExecutionLatencyP99", "ExecutionLatencyP100",
            "SystemMemoryUsed", "SystemMemoryTotal");
    }

    [Fact]
    public async Task DefaultConfig_UtilizationOnlyEvenWhenTheReportHasEveryGroup()
    {
        var runner = new PipelineRunner();
        using var input = File.OpenRead(RepositoryFiles.Sample("inf1.xlarge-all-groups.jsonl"));
        var sink = new InMemorySink();

        await runner.RunAsync(input, sink, config: null);

        sink.Batches.SelectMany(b => b.Data).Select(d => d.MetricName).Distinct().Should().Equal("NeuronCoreUtilization");
    }
}
