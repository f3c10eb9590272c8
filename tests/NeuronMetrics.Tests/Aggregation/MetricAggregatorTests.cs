using NeuronMetrics.Aggregation;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Tests.Aggregation;

public sealed class MetricAggregatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly MetricKey Core0 = new("NeuronCoreUtilization", "Percent", [new Dimension("InstanceId", "i-1"), new Dimension("NeuronCore", "0")], "i-1");
    private static readonly MetricKey Core1 = new("NeuronCoreUtilization", "Percent", [new Dimension("InstanceId", "i-1"), new Dimension("NeuronCore", "1")], "i-1");

    private static List<PartitionedDatum> FlushAll(MetricAggregator aggregator)
    {
        var output = new List<PartitionedDatum>();
        aggregator.FlushAll(output);
        return output;
    }

    [Fact]
    public void FlushAll_ValuesMode_DistinctValuesWithCounts()
    {
        var aggregator = new MetricAggregator(TimeSpan.FromSeconds(60), AggregationMode.Values);
        aggregator.Add([new(Core0, 10, T0), new(Core0, 20, T0.AddSeconds(1)), new(Core0, 10, T0.AddSeconds(2)), new(Core1, 5, T0)]);

        var datums = FlushAll(aggregator);

        datums.Should().HaveCount(2);
        var core0 = datums.Single(d => d.Datum.Dimensions[1].Value == "0").Datum;
        core0.Values.Should().Equal(10.0, 20.0);
        core0.Counts.Should().Equal(2.0, 1.0);
        core0.Timestamp.Should().Be(T0);
        core0.Unit.Should().Be("Percent");
        core0.StorageResolution.Should().Be(60);
        core0.Value.Should().BeNull();
        core0.StatisticValues.Should().BeNull();
        datums.Should().OnlyContain(d => d.Partition == "i-1");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(150, 1)]
    [InlineData(151, 2)]
    [InlineData(300, 2)]
    [InlineData(301, 3)]
    public void FlushAll_ManyDistinctValues_SplitAt150PerDatum(int distinct, int expectedDatums)
    {
        var aggregator = new MetricAggregator(TimeSpan.FromHours(1), AggregationMode.Values);
        aggregator.Add(Enumerable.Range(0, distinct).Select(i => new MetricSample(Core0, i, T0)).ToList());

        var datums = FlushAll(aggregator);

        datums.Should().HaveCount(expectedDatums);
        foreach (var d in datums)
        {
            d.Datum.Values!.Count.Should().BeLessThanOrEqualTo(150).And.Be(d.Datum.Counts!.Count);
        }

        datums.SelectMany(d => d.Datum.Values!).Should().Equal(Enumerable.Range(0, distinct).Select(i => (double)i));
    }

    [Fact]
    public void FlushAll_StatisticsMode_CountSumMinMax()
    {
        var aggregator = new MetricAggregator(TimeSpan.FromSeconds(60), AggregationMode.Statistics);
        aggregator.Add([new(Core0, 10, T0), new(Core0, 30, T0.AddSeconds(1)), new(Core0, 2.5, T0.AddSeconds(2))]);

        var datum = FlushAll(aggregator).Should().ContainSingle().Subject.Datum;

        datum.StatisticValues.Should().Be(new StatisticSet(3, 42.5, 2.5, 30));
        datum.Values.Should().BeNull();
    }

    [Fact]
    public void FlushAll_NoneMode_OneDatumPerSampleWithItsTime()
    {
        var aggregator = new MetricAggregator(TimeSpan.FromSeconds(60), AggregationMode.None);
        aggregator.Add([new(Core0, 10, T0.AddSeconds(1)), new(Core0, 10, T0.AddSeconds(2))]);

        var datums = FlushAll(aggregator);

        datums.Select(d => (d.Datum.Value, d.Datum.Timestamp)).Should().Equal((10.0, T0.AddSeconds(1)), (10.0, T0.AddSeconds(2)));
    }

    [Fact]
    public void FlushCompleted_KeepsTheCurrentInterval()
    {
        var aggregator = new MetricAggregator(TimeSpan.FromSeconds(60), AggregationMode.Values);
        aggregator.Add([new(Core0, 1, T0.AddSeconds(10)), new(Core0, 2, T0.AddSeconds(70))]);

        var output = new List<PartitionedDatum>();
        aggregator.FlushCompleted(T0.AddSeconds(75), output);

        output.Should().ContainSingle().Which.Datum.Values.Should().Equal(1.0);
        output[0].Datum.Timestamp.Should().Be(T0);
        aggregator.PendingMetrics.Should().Be(1);

        output.Clear();
        aggregator.FlushCompleted(T0.AddSeconds(120), output);
        output.Should().ContainSingle().Which.Datum.Timestamp.Should().Be(T0.AddSeconds(60));
        aggregator.PendingMetrics.Should().Be(0);
    }

    [Fact]
    public void FlushAll_Twice_SecondIsEmpty()
    {
        var aggregator = new MetricAggregator(TimeSpan.FromSeconds(60), AggregationMode.Values);
        aggregator.Add([new(Core0, 1, T0)]);

        FlushAll(aggregator).Should().HaveCount(1);
        FlushAll(aggregator).Should().BeEmpty();
    }

    [Fact]
    public void FlushAll_StorageResolution_IsCarried()
    {
        var aggregator = new MetricAggregator(TimeSpan.FromSeconds(1), AggregationMode.Values, storageResolution: 1);
        aggregator.Add([new(Core0, 1, T0)]);

        FlushAll(aggregator).Single().Datum.StorageResolution.Should().Be(1);
    }
    [Fact]
    public void Add_MetricReachesEntryBound_SealsIntervalForNextFlush()
    {
        var aggregator = new MetricAggregator(TimeSpan.FromSeconds(60), AggregationMode.Values, maxEntriesPerMetric: 3);
        aggregator.Add([new(Core0, 1, T0), new(Core1, 7, T0), new(Core0, 2, T0), new(Core0, 2, T0)]);
        aggregator.HasSealedIntervals.Should().BeFalse("a repeated value is not a new entry");

        aggregator.Add([new(Core0, 3, T0.AddSeconds(1)), new(Core0, 4, T0.AddSeconds(2)), new(Core1, 8, T0.AddSeconds(2))]);

        aggregator.HasSealedIntervals.Should().BeTrue();
        var output = new List<PartitionedDatum>();
        aggregator.FlushCompleted(T0.AddSeconds(3), output); // the interval has not ended, but it is sealed
        output.Select(d => (d.Datum.Dimensions[1].Value, d.Datum.Values)).Should().BeEquivalentTo(
            [("0", new[] { 1.0, 2.0, 3.0 }), ("1", new[] { 7.0 })], o => o.WithStrictOrdering());
        output[0].Datum.Counts.Should().Equal(1.0, 2.0, 1.0);
        aggregator.HasSealedIntervals.Should().BeFalse();

        // Samples after the seal start a new set for the same interval.
        var rest = FlushAll(aggregator);
        rest.Select(d => (d.Datum.Dimensions[1].Value, d.Datum.Values)).Should().BeEquivalentTo(
            [("0", new[] { 4.0 }), ("1", new[] { 8.0 })], o => o.WithStrictOrdering());
        rest.Should().OnlyContain(d => d.Datum.Timestamp == T0);
    }

    [Theory]
    [InlineData(AggregationMode.Values)]
    [InlineData(AggregationMode.None)]
    [InlineData(AggregationMode.Statistics)]
    public void Add_FastReplayOfOneInterval_HoldsAtMostTheBoundAndLosesNoSample(AggregationMode mode)
    {
        const int bound = 150;
        var aggregator = new MetricAggregator(TimeSpan.FromSeconds(60), mode, maxEntriesPerMetric: bound);
        var output = new List<PartitionedDatum>();
        int maxHeld = 0;
        for (int report = 0; report < 10_000; report++)
        {
            aggregator.Add([new(Core0, report * 0.5, T0.AddMilliseconds(report)), new(Core1, report % 10, T0.AddMilliseconds(report))]);
            if (aggregator.HasSealedIntervals)
            {
                aggregator.FlushCompleted(T0, output);
            }

            maxHeld = Math.Max(maxHeld, aggregator.PendingEntries);
        }

        aggregator.FlushAll(output);

        double SampleCount(PartitionedDatum d) => d.Datum.Counts?.Sum() ?? d.Datum.StatisticValues?.SampleCount ?? 1;
        output.Where(d => d.Datum.Dimensions[1].Value == "0").Sum(SampleCount).Should().Be(10_000);
        output.Where(d => d.Datum.Dimensions[1].Value == "1").Sum(SampleCount).Should().Be(10_000);
        if (mode == AggregationMode.Values)
        {
            output.Should().OnlyContain(d => d.Datum.Values!.Count <= bound);
            output.Where(d => d.Datum.Dimensions[1].Value == "1").Should().OnlyContain(d => d.Datum.Values!.Count <= 10);
        }

        maxHeld.Should().BeLessThanOrEqualTo(2 * bound, "memory must not grow with the number of reports in one interval");
    }

    [Fact]
    public void Constructor_NonPositiveEntryBound_Throws()
    {
        var create = () => new MetricAggregator(TimeSpan.FromSeconds(60), AggregationMode.Values, maxEntriesPerMetric: 0);

        create.Should().Throw<ArgumentOutOfRangeException>();
    }
}
