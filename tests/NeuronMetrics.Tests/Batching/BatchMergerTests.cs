using NeuronMetrics.Batching;
using NeuronMetrics.Model;

namespace NeuronMetrics.Tests.Batching;

public sealed class BatchMergerTests
{
    /// <summary>100 bytes a datum plus one byte per digit of its member number, 50 for the request.</summary>
    private sealed class IndexedSizer : IDatumSizer
    {
        public int RequestOverhead(string metricNamespace) => 50;

        public int DatumSize(MetricDatum datum, int memberIndex) => 100 + memberIndex.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
    }

    [Fact]
    public void TryJoin_SameInstanceWithinLimits_JoinsInOrder()
    {
        var merged = new BatchMerger(new IndexedSizer()).TryJoin(NumberedBatch.Create("i-1", 3), NumberedBatch.Create("i-1", 2))!;

        merged.Partition.Should().Be("i-1");
        merged.Data.Select(d => d.Value).Should().Equal(0.0, 1.0, 2.0, 0.0, 1.0);
    }

    [Fact]
    public void TryJoin_OtherInstanceOrNamespace_IsRefused()
    {
        var merger = new BatchMerger(new IndexedSizer());
        var first = NumberedBatch.Create("i-1", 1);

        merger.TryJoin(first, NumberedBatch.Create("i-2", 1)).Should().BeNull();
        merger.TryJoin(first, NumberedBatch.Create("i-1", 1) with { Namespace = "Other" }).Should().BeNull();
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void TryJoin_DatumLimit_IsKept(int total, bool joined)
    {
        var merger = new BatchMerger(new IndexedSizer(), maxBytes: 1_000_000);

        (merger.TryJoin(NumberedBatch.Create("i-1", 600), NumberedBatch.Create("i-1", total - 600)) is not null).Should().Be(joined);
    }

    [Theory]
    [InlineData(50 + (9 * 101) + 102 + 102, true)] // members 1-9 take 101 bytes each, 10 and 11 take 102
    [InlineData(50 + (9 * 101) + 102 + 101, false)]
    public void TryJoin_ByteLimit_CountsTheNewMemberNumbers(int maxBytes, bool joined)
    {
        var merger = new BatchMerger(new IndexedSizer(), maxBytes: maxBytes);

        (merger.TryJoin(NumberedBatch.Create("i-1", 9), NumberedBatch.Create("i-1", 2)) is not null).Should().Be(joined);
    }
}
