using NeuronMetrics.Aggregation;
using NeuronMetrics.Batching;
using NeuronMetrics.Model;

namespace NeuronMetrics.Tests.Batching;

public sealed class PutMetricDataBatcherTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Every datum costs 100 bytes, the request 50.</summary>
    private sealed class FixedSizer : IDatumSizer
    {
        public int RequestOverhead(string metricNamespace) => 50;

        public int DatumSize(MetricDatum datum, int memberIndex) => 100;
    }

    private static PartitionedDatum Datum(string partition, int i) => new(partition, new MetricDatum
    {
        MetricName = "M" + i,
        Dimensions = [],
        Timestamp = T0,
        Unit = "Count",
        Value = i,
    });

    private static List<PartitionedDatum> Datums(int n, string partition = "i-1") => Enumerable.Range(0, n).Select(i => Datum(partition, i)).ToList();

    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(1, new[] { 1 })]
    [InlineData(1000, new[] { 1000 })]
    [InlineData(1001, new[] { 1000, 1 })]
    [InlineData(2500, new[] { 1000, 1000, 500 })]
    public void Batch_DatumLimit_SplitsAt1000(int n, int[] sizes)
    {
        var batches = new PutMetricDataBatcher("Neuron", new FixedSizer()).Batch(Datums(n));

        batches.Select(b => b.Data.Count).Should().Equal(sizes);
        batches.Select(b => (b.Namespace, b.Partition)).Distinct().Should().BeSubsetOf([("Neuron", "i-1")]);
        batches.SelectMany(b => b.Data).Select(d => d.Value).Should().Equal(Enumerable.Range(0, n).Select(i => (double?)i));
    }

    [Theory]
    [InlineData(1050, new[] { 10 })] // 50 + 10 × 100 = 1050: exactly at the limit
    [InlineData(1049, new[] { 9, 1 })]
    public void Batch_ByteLimit_SplitsBeforeExceeding(int maxBytes, int[] sizes)
    {
        var batches = new PutMetricDataBatcher("Neuron", new FixedSizer(), maxBytes: maxBytes).Batch(Datums(10));

        batches.Select(b => b.Data.Count).Should().Equal(sizes);
    }

    [Fact]
    public void Batch_Partitions_NeverShareARequest()
    {
        var datums = Datums(3, "i-1").Concat(Datums(2, "i-2")).Concat(Datums(1, "i-1")).ToList();

        var batches = new PutMetricDataBatcher("Neuron", new FixedSizer()).Batch(datums);

        batches.Select(b => (b.Partition, b.Data.Count)).Should().Equal(("i-1", 4), ("i-2", 2));
    }
}
