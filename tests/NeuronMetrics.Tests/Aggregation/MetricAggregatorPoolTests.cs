using System.Globalization;
using NeuronMetrics.Aggregation;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Tests.Aggregation;

/// <summary>The accumulators and interval dictionaries an aggregator keeps for reuse stay within a byte bound.</summary>
public sealed class MetricAggregatorPoolTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static MetricKey Series(int index) => new(
        "NeuronCoreUtilization",
        "Percent",
        [new Dimension("InstanceId", "i-1"), new Dimension("NeuronCore", index.ToString(CultureInfo.InvariantCulture))],
        "i-1");

    /// <summary>A burst: <paramref name="series"/> metrics in one interval, each with <paramref name="distinct"/> distinct values.</summary>
    private static List<PartitionedDatum> Burst(MetricAggregator aggregator, int series, int distinct)
    {
        var output = new List<PartitionedDatum>();
        var samples = new List<MetricSample>(distinct);
        for (int s = 0; s < series; s++)
        {
            var key = Series(s);
            samples.Clear();
            for (int v = 0; v < distinct; v++)
            {
                samples.Add(new MetricSample(key, v + (s * 0.001), T0.AddMilliseconds(v)));
            }

            aggregator.Add(samples);
        }

        aggregator.FlushAll(output);
        return output;
    }

    [Theory]
    [InlineData(AggregationMode.Values)]
    [InlineData(AggregationMode.None)]
    public void FlushAll_BurstOfManySeriesWithFullValueArrays_PoolKeepsAtMostTheDefaultByteBound(AggregationMode mode)
    {
        var aggregator = new MetricAggregator(TimeSpan.FromSeconds(60), mode);

        // 5000 series × 150 values: every accumulator grows to its largest buffers (about 6 KB each, 30 MB in all).
        var output = Burst(aggregator, series: 5000, distinct: 150);

        output.Should().NotBeEmpty();
        aggregator.PooledBytes.Should().BeGreaterThan(0, "emitted accumulators are still kept for reuse, up to the bound")
            .And.BeLessThanOrEqualTo(MetricAggregator.DefaultMaxPooledBytes);
    }

    [Fact]
    public void FlushAll_SmallBound_PoolStaysWithinItAndNothingIsLost()
    {
        const long bound = 64 * 1024;
        var aggregator = new MetricAggregator(TimeSpan.FromSeconds(60), AggregationMode.Values, maxPooledBytes: bound);

        var first = Burst(aggregator, series: 500, distinct: 100);
        aggregator.PooledBytes.Should().BeInRange(1, bound);
        var second = Burst(aggregator, series: 500, distinct: 100);

        aggregator.PooledBytes.Should().BeInRange(1, bound);
        first.Sum(d => d.Datum.Counts!.Sum()).Should().Be(500 * 100);
        second.Sum(d => d.Datum.Counts!.Sum()).Should().Be(500 * 100);
        second.Select(d => d.Datum.Values!.Count).Should().Equal(first.Select(d => d.Datum.Values!.Count));
    }

    [Fact]
    public void Add_SeriesOfAnEmittedInterval_ReusesPooledAccumulators()
    {
        var aggregator = new MetricAggregator(TimeSpan.FromSeconds(60), AggregationMode.Values);
        Burst(aggregator, series: 100, distinct: 60);
        long pooled = aggregator.PooledBytes;

        aggregator.Add([new MetricSample(Series(0), 1, T0.AddMinutes(1))]);

        pooled.Should().BeGreaterThan(0);
        aggregator.PooledBytes.Should().BeLessThan(pooled, "the next interval takes its accumulator from the pool");
    }

    [Fact]
    public void Constructor_NegativePoolBound_Throws()
    {
        var create = () => new MetricAggregator(TimeSpan.FromSeconds(60), AggregationMode.Values, maxPooledBytes: -1);

        create.Should().Throw<ArgumentOutOfRangeException>();
    }
}
