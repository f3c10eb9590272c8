using NeuronMetrics.Aggregation;

namespace NeuronMetrics.Tests.Aggregation;

public sealed class DistinctValueTableTests
{
    [Fact]
    public void Add_ManyValuesWithRepeats_KeepsFirstAppearanceOrderAndCounts()
    {
        var table = new DistinctValueTable();
        var expected = new Dictionary<double, double>();
        var order = new List<double>();
        var random = new Random(7);
        for (int i = 0; i < 5000; i++)
        {
            double value = random.Next(0, 700) * 0.25;
            table.Add(value);
            if (expected.TryAdd(value, 1))
            {
                order.Add(value);
            }
            else
            {
                expected[value]++;
            }
        }

        table.Values.ToArray().Should().Equal(order);
        table.Counts.ToArray().Should().Equal(order.Select(v => expected[v]));
    }

    [Fact]
    public void Add_NegativeAndPositiveZero_AreOneValue()
    {
        var table = new DistinctValueTable();
        table.Add(-0.0);
        table.Add(0.0);

        table.Count.Should().Be(1);
        table.Counts[0].Should().Be(2);
    }

    [Fact]
    public void Clear_AfterGrowth_StartsEmptyAndCountsAgain()
    {
        var table = new DistinctValueTable();
        for (int i = 0; i < 300; i++)
        {
            table.Add(i);
        }

        table.Clear();
        table.Add(5);
        table.Add(5);

        table.Values.ToArray().Should().Equal(5.0);
        table.Counts.ToArray().Should().Equal(2.0);
    }

    [Fact]
    public void RetainedBytes_AfterGrowingAndClear_CountsTheArraysAtTheirCapacity()
    {
        var table = new DistinctValueTable();
        long empty = table.RetainedBytes;
        for (int i = 0; i < 150; i++)
        {
            table.Add(i);
        }

        table.Clear();

        // 150 values need 256 slots of values and counts (8 bytes each) and 512 index slots (4 bytes each).
        table.RetainedBytes.Should().BeGreaterThanOrEqualTo(empty + (256 * 8 * 2) + (512 * 4) - (4 * 8 * 2) - (8 * 4));
    }

    [Fact]
    public void CopyTo_ReusedTableThroughManyRoundsOfGrowth_SameAsAnOrderedDictionary()
    {
        var table = new DistinctValueTable();
        var random = new Random(59);
        for (int round = 0; round < 200; round++)
        {
            table.Clear();
            var expected = new Dictionary<double, double>();
            var order = new List<double>();
            int distinct = random.Next(1, 600);
            for (int i = 0; i < random.Next(1, 3000); i++)
            {
                // Percentages with few decimals, integers and their negatives, as reports hold them.
                double value = random.Next(3) switch
                {
                    0 => Math.Round(random.Next(distinct) * 0.37, 2),
                    1 => random.Next(distinct),
                    _ => -random.Next(distinct) * 1e-3,
                };
                table.Add(value);
                value += 0.0;
                if (expected.TryAdd(value, 1))
                {
                    order.Add(value);
                }
                else
                {
                    expected[value]++;
                }
            }

            var values = new double[table.Count];
            var counts = new double[table.Count];
            table.CopyTo(values, counts);
            values.Should().Equal(order);
            counts.Should().Equal(order.Select(v => expected[v]));
        }
    }

    [Fact]
    public void MoveTo_GrownTable_GivesValuesInOrderAndLeavesItEmptyWithItsCapacity()
    {
        var table = new DistinctValueTable();
        for (int i = 0; i < 400; i++)
        {
            table.Add(i % 200);
        }

        long grown = table.RetainedBytes;
        var values = new double[table.Count];
        var counts = new double[table.Count];
        table.MoveTo(values, counts);

        values.Should().Equal(Enumerable.Range(0, 200).Select(i => (double)i));
        counts.Should().OnlyContain(c => c == 2);
        table.Count.Should().Be(0);
        table.RetainedBytes.Should().Be(grown);
        table.Add(7);
        table.Add(7);
        table.Values.Should().Equal(7.0);
        table.Counts.Should().Equal(2.0);
    }
}
