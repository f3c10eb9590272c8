using NeuronMetrics.Aggregation;
using NeuronMetrics.Batching;
using NeuronMetrics.Config;
using NeuronMetrics.Cost;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Filtering;
using NeuronMetrics.Mapping;
using NeuronMetrics.Pipeline;
using NeuronMetrics.Model;

namespace NeuronMetrics.Tests.Cost;

public sealed class CostProfilerTests
{
    private sealed class FixedSizer(int datumBytes) : IDatumSizer
    {
        public int RequestOverhead(string metricNamespace) => 100;

        public int DatumSize(MetricDatum datum, int memberIndex) => datumBytes;
    }

    private static CostProfiler Create(AggregationMode mode, TimeSpan interval, int datumBytes = 100, MonitorConfig? config = null, ReadingSettings? settings = null)
    {
        return new CostProfiler(
            settings ?? new ReadingSettings { Config = config ?? MonitorConfig.Default },
            new PutMetricDataBatcher("Neuron", new FixedSizer(datumBytes)),
            mode,
            interval);
    }

    private static async Task<CostProfile> ProfileAsync(CostProfiler profiler, string sample, TimeSpan period)
    {
        using var input = File.OpenRead(RepositoryFiles.Sample(sample));
        return await profiler.ProfileAsync(input, period);
    }

    [Fact]
    public async Task ProfileAsync_Inf1Utilization_FourMetricsOneRequest()
    {
        var profile = await ProfileAsync(Create(AggregationMode.Values, TimeSpan.FromSeconds(60)), "inf1.xlarge-neuroncore.jsonl", TimeSpan.FromSeconds(1));

        profile.Should().BeEquivalentTo(new
        {
            Instances = 1,
            ReportsPerInterval = 60,
            MetricsPerInstance = 4L,
            SharedMetrics = 0L,
            DatumsPerInterval = 4,
            RequestsPerInterval = 1,
        });
        profile.MetricNames.Should().Equal("NeuronCoreUtilization");
    }

    [Fact]
    public async Task ProfileAsync_NoneMode_OneDatumPerSample()
    {
        var profile = await ProfileAsync(Create(AggregationMode.None, TimeSpan.FromSeconds(60)), "inf1.xlarge-neuroncore.jsonl", TimeSpan.FromSeconds(5));

        profile.ReportsPerInterval.Should().Be(12);
        profile.DatumsPerInterval.Should().Be(48);
        profile.RequestsPerInterval.Should().Be(1);
    }

    [Fact]
    public async Task ProfileAsync_ByteLimit_ForcesMoreRequests()
    {
        // 32 cores' datums at 40 kB each: 24 fit in 1 MB, so 2 requests.
        var profile = await ProfileAsync(Create(AggregationMode.Values, TimeSpan.FromSeconds(60), datumBytes: 40_000), "trn1.32xlarge-two-runtimes.jsonl", TimeSpan.FromSeconds(1));

        profile.DatumsPerInterval.Should().Be(profile.MetricsPerInstance > 0 ? (int)profile.MetricsPerInstance : 0);
        profile.RequestsPerInterval.Should().Be((int)Math.Ceiling(profile.DatumsPerInterval / 24.0));
    }

    [Fact]
    public async Task ProfileAsync_EmptySample_Throws()
    {
        var act = () => Create(AggregationMode.Values, TimeSpan.FromSeconds(60)).ProfileAsync(new MemoryStream("garbage\n"u8.ToArray()), TimeSpan.FromSeconds(1));

        await act.Should().ThrowAsync<InvalidDataException>();
    }

    [Fact]
    public async Task ProfileAsync_KubernetesDimensionsSelected_CountedPerCore()
    {
        var settings = new ReadingSettings { Dimensions = new DimensionSettings { Selected = ["InstanceId", "PodName", "Namespace", "ContainerName"] } };

        var profile = await ProfileAsync(Create(AggregationMode.Values, TimeSpan.FromSeconds(60), settings: settings), "inf2.xlarge-kubernetes.jsonl", TimeSpan.FromSeconds(5));

        profile.MetricsPerInstance.Should().Be(2, "one per core: the pod of a core does not change within the sample");
    }

    [Fact]
    public async Task ProfileAsync_FourProcessesOnOneInstance_OneMetricPerCore()
    {
        var profile = await ProfileAsync(Create(AggregationMode.Values, TimeSpan.FromSeconds(60)), "inf1.xlarge-four-containers.jsonl", TimeSpan.FromSeconds(5));

        profile.MetricsPerInstance.Should().Be(4);
        profile.DatumsPerInterval.Should().Be(4);
    }

    [Theory]
    [InlineData("trn2.48xlarge", "PhysicalNeuronCoreUtilization", 128)] // 64 logical cores × 2 physical
    [InlineData("trn1.32xlarge", "PhysicalNeuronCoreUtilization", 0)] // no v3d before trn2
    [InlineData("trn1.32xlarge", "ExecutionLatency*", 7)]
    [InlineData("trn1.32xlarge", "ExecutionErrorsByKind", 6)]
    [InlineData("inf2.xlarge", "Executions*", 6)]
    public void Profile_SyntheticReport_CountsTheOptInMetrics(string instanceType, string metrics, int expected)
    {
        var shape = InstanceShapes.Find(instanceType)!;
        var config = MonitorConfigLoader.LoadFile(RepositoryFiles.Sample("monitor-all-groups.conf"), new ListLog());
        var settings = new ReadingSettings { Config = config, Selection = MetricSelection.Create([metrics], false) };

        var profile = Create(AggregationMode.Values, TimeSpan.FromSeconds(60), settings: settings)
            .Profile([.. Enumerable.Range(0, 5).Select(i => SyntheticReportWriter.Write(shape, i))], TimeSpan.FromSeconds(5));

        profile.MetricsPerInstance.Should().Be(expected);
    }

    [Fact]
    public void Profile_PodRestartedWithinTheSample_EachPodsSeriesCounted()
    {
        var lines = File.ReadAllLines(RepositoryFiles.Sample("inf2.xlarge-kubernetes.jsonl"));
        byte[][] reports = [System.Text.Encoding.UTF8.GetBytes(lines[0]), System.Text.Encoding.UTF8.GetBytes(lines[1].Replace("bert-7d9f-x2k4q", "bert-7d9f-z9z9z", StringComparison.Ordinal))];
        var settings = new ReadingSettings { Dimensions = new DimensionSettings { Selected = ["InstanceId", "PodName"] } };

        var profile = Create(AggregationMode.Values, TimeSpan.FromSeconds(60), settings: settings).Profile(reports, TimeSpan.FromSeconds(5));

        profile.MetricsPerInstance.Should().Be(4, "2 cores × 2 pods: every PodName value is a custom metric of its own");
    }
}
