using NeuronMetrics.Aggregation;
using NeuronMetrics.Batching;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Tests.Batching;

/// <summary>
/// The flush interval bounds the number of requests: aggregator + batcher, as the pipeline's flush
/// uses them, make one request per instance per interval unless 1000 datums / 1 MB force more.
/// </summary>
public sealed class RequestBoundTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private sealed class FixedSizer(int datumBytes) : IDatumSizer
    {
        public int RequestOverhead(string metricNamespace) => 100;

        public int DatumSize(MetricDatum datum, int memberIndex) => datumBytes;
    }

    /// <summary>Reports every second for three intervals, flushing every second like the pipeline's timer; returns the requests per flush.</summary>
    private static List<List<MetricBatch>> Run(AggregationMode mode, int metricsPerInstance, string[] instances, int datumBytes = 200)
    {
        var aggregator = new MetricAggregator(TimeSpan.FromSeconds(60), mode);
        var batcher = new PutMetricDataBatcher("Neuron", new FixedSizer(datumBytes));
        var keys = instances.SelectMany(i => Enumerable.Range(0, metricsPerInstance).Select(m =>
            new MetricKey("M" + m, MetricUnit.Count, [new Dimension("InstanceId", i)], i))).ToList();
        var flushes = new List<List<MetricBatch>>();
        for (int second = 0; second < 180; second++)
        {
            var now = Start.AddSeconds(second);
            aggregator.Add([.. keys.Select(k => new MetricSample(k, second % 7, now))]);
            var datums = new List<PartitionedDatum>();
            aggregator.FlushCompleted(now.AddSeconds(1), datums);
            if (datums.Count > 0)
            {
                flushes.Add(batcher.Batch(datums));
            }
        }

        return flushes;
    }

    [Theory]
    [InlineData(AggregationMode.Values)]
    [InlineData(AggregationMode.Statistics)]
    public void Flush_SmallLoad_OneRequestPerInstancePerInterval(AggregationMode mode)
    {
        var flushes = Run(mode, metricsPerInstance: 30, instances: ["i-a", "i-b"]);

        flushes.Should().HaveCount(3); // one per 60 s interval
        flushes.Should().AllSatisfy(batches =>
        {
            batches.Select(b => b.Partition).Should().Equal("i-a", "i-b");
            batches.Should().OnlyContain(b => b.Data.Count == 30);
        });
    }

    [Fact]
    public void Flush_ManyMetrics_SplitOnlyAtThe1000DatumLimit()
    {
        var flushes = Run(AggregationMode.Statistics, metricsPerInstance: 2500, instances: ["i-a"]);

        flushes.Should().HaveCount(3).And.AllSatisfy(batches => batches.Select(b => b.Data.Count).Should().Equal(1000, 1000, 500));
    }

    [Fact]
    public void Flush_BigDatums_SplitOnlyAtTheByteLimit()
    {
        var flushes = Run(AggregationMode.Statistics, metricsPerInstance: 300, instances: ["i-a"], datumBytes: 5000);

        // (1,000,000 - 100) / 5000 = 199 datums per request.
        flushes.Should().HaveCount(3).And.AllSatisfy(batches => batches.Select(b => b.Data.Count).Should().Equal(199, 101));
    }

    [Fact]
    public void Flush_NoneMode_EverySampleButStillOneRequestPerIntervalWhenItFits()
    {
        var flushes = Run(AggregationMode.None, metricsPerInstance: 10, instances: ["i-a"]);

        // 10 metrics × 60 samples = 600 datums per interval: one request.
        flushes.Should().HaveCount(3).And.AllSatisfy(batches => batches.Should().ContainSingle().Which.Data.Should().HaveCount(600));
    }
}
