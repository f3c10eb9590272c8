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

    private static MetricBatch Merge(BatchMerger merger, params MetricBatch[] batches)
    {
        merger.Begin(batches[0]);
        foreach (var next in batches.Skip(1))
        {
            if (!merger.TryAdd(next))
            {
                break;
            }
        }

        return merger.Build();
    }

    [Fact]
    public void TryAdd_SameInstanceWithinLimits_JoinsInOrder()
    {
        var merged = Merge(new BatchMerger(new IndexedSizer()), NumberedBatch.Create("i-1", 3), NumberedBatch.Create("i-1", 2));

        merged.Partition.Should().Be("i-1");
        merged.Data.Select(d => d.Value).Should().Equal(0.0, 1.0, 2.0, 0.0, 1.0);
    }

    [Fact]
    public void Build_NothingJoined_ReturnsTheSameBatch()
    {
        var first = NumberedBatch.Create("i-1", 3);

        Merge(new BatchMerger(new IndexedSizer()), first).Should().BeSameAs(first);
    }

    [Fact]
    public void TryAdd_OtherInstanceOrNamespace_IsRefused()
    {
        var merger = new BatchMerger(new IndexedSizer());
        merger.Begin(NumberedBatch.Create("i-1", 1));

        merger.TryAdd(NumberedBatch.Create("i-2", 1)).Should().BeFalse();
        merger.TryAdd(NumberedBatch.Create("i-1", 1) with { Namespace = "Other" }).Should().BeFalse();
        merger.Build().Data.Should().HaveCount(1);
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void TryAdd_DatumLimit_IsKept(int total, bool joined)
    {
        var merger = new BatchMerger(new IndexedSizer(), maxBytes: 1_000_000);
        merger.Begin(NumberedBatch.Create("i-1", 600));

        merger.TryAdd(NumberedBatch.Create("i-1", total - 600)).Should().Be(joined);
    }

    [Theory]
    [InlineData(50 + (9 * 101) + 102 + 102, true)] // members 1-9 take 101 bytes each, 10 and 11 take 102
    [InlineData(50 + (9 * 101) + 102 + 101, false)]
    public void TryAdd_ByteLimit_CountsTheNewMemberNumbers(int maxBytes, bool joined)
    {
        var merger = new BatchMerger(new IndexedSizer(), maxBytes: maxBytes);
        merger.Begin(NumberedBatch.Create("i-1", 9));

        merger.TryAdd(NumberedBatch.Create("i-1", 2)).Should().Be(joined);
    }
}
