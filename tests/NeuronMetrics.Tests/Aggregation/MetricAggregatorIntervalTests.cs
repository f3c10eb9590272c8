using NeuronMetrics.Aggregation;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Tests.Aggregation;

/// <summary>The aggregator reuses the previous sample's interval; samples that leave it must still land in their own.</summary>
public sealed class MetricAggregatorIntervalTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 16, 0, 0, TimeSpan.Zero);
    private static readonly MetricKey Key = new("M", "Count", [new Dimension("InstanceId", "i-1")], "i-1");

    [Fact]
    public void Add_SamplesAlternatingBetweenIntervals_EachIntervalGetsItsOwn()
    {
        var aggregator = new MetricAggregator(TimeSpan.FromSeconds(60), AggregationMode.Values);
        aggregator.Add([new(Key, 1, T0.AddSeconds(59)), new(Key, 2, T0.AddSeconds(60)), new(Key, 1, T0), new(Key, 3, T0.AddSeconds(-1))]);
        aggregator.Add([new(Key, 2, T0.AddSeconds(119)), new(Key, 1, T0.AddSeconds(30))]);

        var output = new List<PartitionedDatum>();
        aggregator.FlushAll(output);

        var byTime = output.ToDictionary(d => d.Datum.Timestamp, d => (d.Datum.Values!.ToArray(), d.Datum.Counts!.ToArray()));
        byTime.Should().HaveCount(3);
        byTime[T0.AddSeconds(-60)].Should().BeEquivalentTo((new[] { 3.0 }, new[] { 1.0 }));
        byTime[T0].Should().BeEquivalentTo((new[] { 1.0 }, new[] { 3.0 }));
        byTime[T0.AddSeconds(60)].Should().BeEquivalentTo((new[] { 2.0 }, new[] { 2.0 }));
    }

    [Fact]
    public void Add_AfterSealAndAfterFlush_LaterSamplesStartNewSets()
    {
        var aggregator = new MetricAggregator(TimeSpan.FromSeconds(60), AggregationMode.Values, maxEntriesPerMetric: 2);
        aggregator.Add([new(Key, 1, T0), new(Key, 2, T0), new(Key, 3, T0)]); // sealed at 2 distinct values; 3 starts a new set
        var output = new List<PartitionedDatum>();
        aggregator.FlushCompleted(T0, output); // emits the sealed set only
        aggregator.Add([new(Key, 3, T0.AddSeconds(1))]);
        aggregator.FlushAll(output);

        output.Select(d => d.Datum.Values!.ToArray()).Should().BeEquivalentTo([new[] { 1.0, 2.0 }, new[] { 3.0 }], o => o.WithStrictOrdering());
        output[1].Datum.Counts.Should().Equal(2.0);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(150)]
    public void Add_ManySamplesWithRepeats_SealsAtTheExactSampleThatReachesTheBound(int bound)
    {
        // Adds are buffered before lookup; sealing must still happen at the sample that makes the bound-th distinct value.
        var random = new Random(61 + bound);
        var aggregator = new MetricAggregator(TimeSpan.FromHours(1), AggregationMode.Values, maxEntriesPerMetric: bound);
        var expected = new List<(List<double> Values, List<double> Counts)>();
        var open = (Values: new List<double>(), Counts: new List<double>());
        var samples = new List<MetricSample>();
        for (int i = 0; i < 20_000; i++)
        {
            double value = random.Next(random.Next(2) == 0 ? 3 : bound * 3);
            samples.Add(new MetricSample(Key, value, T0));
            int at = open.Values.IndexOf(value);
            if (at >= 0)
            {
                open.Counts[at]++;
            }
            else
            {
                open.Values.Add(value);
                open.Counts.Add(1);
            }

            if (open.Values.Count == bound)
            {
                expected.Add(open);
                open = ([], []);
            }
        }

        if (open.Values.Count > 0)
        {
            expected.Add(open);
        }

        foreach (var chunk in samples.Chunk(111))
        {
            aggregator.Add([.. chunk]);
        }

        var output = new List<PartitionedDatum>();
        aggregator.FlushAll(output);

        output.Select(d => d.Datum.Values!.ToArray()).Should().BeEquivalentTo(expected.Select(e => e.Values.ToArray()), o => o.WithStrictOrdering());
        output.Select(d => d.Datum.Counts!.ToArray()).Should().BeEquivalentTo(expected.Select(e => e.Counts.ToArray()), o => o.WithStrictOrdering());
    }
}
