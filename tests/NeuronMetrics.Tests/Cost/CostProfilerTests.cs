using NeuronMetrics.Aggregation;
using NeuronMetrics.Batching;
using NeuronMetrics.Config;
using NeuronMetrics.Cost;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Filtering;
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

    private static CostProfiler Create(AggregationMode mode, TimeSpan interval, int datumBytes = 100, MonitorConfig? config = null)
    {
        return new CostProfiler(
            new ReadingSettings { Config = config ?? MonitorConfig.Default },
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
}
