using NeuronMetrics.Dispatch;
using NeuronMetrics.Model;

namespace NeuronMetrics.Tests.Dispatch;

public sealed class DatumFootprintTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 1)]
    [InlineData(4, 60)]
    [InlineData(30, 150)]
    public void Of_FreshlyBuiltDatum_AtLeastWhatItAllocatedAndAtMostTwice(int dimensions, int values)
    {
        // Build everything anew so the allocation counter sees every byte the datum holds.
        long before = GC.GetAllocatedBytesForCurrentThread();
        var datum = Build(dimensions, values);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        long estimate = DatumFootprint.Of(datum);

        estimate.Should().BeGreaterThanOrEqualTo(allocated).And.BeLessThanOrEqualTo(allocated * 2);
    }

    [Fact]
    public void Of_ListWithSpareCapacity_CountsTheCapacity()
    {
        var values = new List<double>(150) { 1 };
        var datum = new MetricDatum { MetricName = "M", Dimensions = [], Timestamp = default, Unit = "Count", Values = values, Counts = values };

        DatumFootprint.Of(datum).Should().BeGreaterThan(2 * 150 * sizeof(double));
    }

    private static MetricDatum Build(int dimensions, int values)
    {
        var dims = new List<Dimension>(dimensions);
        for (int i = 0; i < dimensions; i++)
        {
            dims.Add(new Dimension(new string('n', 10 + i), new string('v', 19 + i)));
        }

        List<double>? valueList = null, countList = null;
        if (values > 1)
        {
            valueList = new List<double>(values);
            countList = new List<double>(values);
            for (int i = 0; i < values; i++)
            {
                valueList.Add(i);
                countList.Add(1);
            }
        }

        return new MetricDatum
        {
            MetricName = new string('M', 21),
            Dimensions = dims,
            Timestamp = DateTimeOffset.UnixEpoch,
            Unit = new string('P', 7),
            Values = valueList,
            Counts = countList,
            Value = values == 1 ? 1 : null,
        };
    }
}
