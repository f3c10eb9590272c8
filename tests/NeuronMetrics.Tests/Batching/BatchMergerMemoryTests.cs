using NeuronMetrics.Aggregation;
using NeuronMetrics.Batching;
using NeuronMetrics.Model;

namespace NeuronMetrics.Tests.Batching;

/// <summary>The merger remembers request sizes of batches it knows: same decisions, without sizing the waiting batch again.</summary>
public sealed class BatchMergerMemoryTests
{
    /// <summary>Size from the datum's value (varied sizes) and member number; counts its calls.</summary>
    private sealed class CountingSizer : IDatumSizer
    {
        public int Calls { get; private set; }

        public int RequestOverhead(string metricNamespace) => 50;

        public int DatumSize(MetricDatum datum, int memberIndex)
        {
            Calls++;
            return 100 + ((int)datum.Value!.Value % 37) + memberIndex.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        }
    }

    [Fact]
    public void TryJoin_WaitingBatchFromTheBatcher_SizesOnlyTheNewDatums()
    {
        var sizer = new CountingSizer();
        var batcher = new PutMetricDataBatcher("Neuron", sizer);
        var waiting = batcher.Batch(Datums("i-1", 300)).Single();
        var next = batcher.Batch(Datums("i-1", 20)).Single();
        int before = sizer.Calls;

        var joined = batcher.TryJoin(waiting, next)!;
        var again = batcher.TryJoin(joined, batcher.Batch(Datums("i-1", 5)).Single());

        again!.Data.Should().HaveCount(325);
        (sizer.Calls - before).Should().Be(20 + 5 + 5); // the 20 and 5 at their new positions, the 5 once by the batcher
    }

    [Fact]
    public void TryJoin_ChainOfJoinsNearTheByteLimit_SameBatchesAsAMergerThatRemembersNothing()
    {
        var random = new Random(53);
        for (int round = 0; round < 50; round++)
        {
            int maxBytes = random.Next(2_000, 40_000);
            var sizer = new CountingSizer();
            var batcher = new PutMetricDataBatcher("Neuron", sizer, maxBytes: maxBytes);
            var fresh = new CountingSizer();
            var waitingA = (MetricBatch?)null;
            var waitingB = (MetricBatch?)null;
            for (int flush = 0; flush < 30; flush++)
            {
                foreach (var batch in batcher.Batch(Datums("i-1", random.Next(1, 60), random.Next())))
                {
                    // The remembering merger (the batcher's) and one that sizes everything each time must agree.
                    var joinedA = waitingA is null ? null : batcher.TryJoin(waitingA, batch);
                    var joinedB = waitingB is null ? null : new BatchMerger(fresh, maxBytes: maxBytes).TryJoin(waitingB, batch);
                    (joinedA is null).Should().Be(joinedB is null);
                    waitingA = joinedA ?? batch;
                    waitingB = joinedB ?? batch;
                    waitingA.Data.Should().Equal(waitingB.Data);
                }
            }
        }
    }

    private static List<PartitionedDatum> Datums(string partition, int count, int seed = 0) =>
        [.. Enumerable.Range(0, count).Select(i => new PartitionedDatum(partition, new MetricDatum
        {
            MetricName = "M",
            Dimensions = [],
            Timestamp = DateTimeOffset.UnixEpoch,
            Unit = "Count",
            Value = seed + i,
        }))];
}
