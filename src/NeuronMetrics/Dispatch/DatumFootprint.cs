using NeuronMetrics.Model;

namespace NeuronMetrics.Dispatch;

/// <summary>
/// An upper estimate of the managed memory a buffered datum holds (64-bit runtime): the datum object, its
/// strings, its dimension list and its Values/Counts lists at their capacity. Strings and dimension lists that
/// datums share are counted for each of them, so the estimate errs high and the buffer's byte bound holds.
/// </summary>
public static class DatumFootprint
{
    /// <summary>Object header and method table pointer.</summary>
    private const int ObjectHeader = 16;

    /// <summary>MetricDatum: header, 4 references, DateTimeOffset, double?, StatisticSet?, int; rounded up.</summary>
    private const int DatumObject = 144;

    /// <summary>List&lt;T&gt;: header, array reference, count and version.</summary>
    private const int ListObject = 32;

    /// <summary>Array header with its length.</summary>
    private const int ArrayHeader = 24;

    /// <summary>A Dimension is two references.</summary>
    private const int DimensionSize = 16;

    public static long Of(MetricDatum datum)
    {
        long bytes = DatumObject + Text(datum.MetricName) + Text(datum.Unit) + Numbers(datum.Values) + Numbers(datum.Counts);
        bytes += ListObject + ArrayHeader + ((long)Capacity(datum.Dimensions) * DimensionSize);
        foreach (var dimension in datum.Dimensions)
        {
            bytes += Text(dimension.Name) + Text(dimension.Value);
        }

        return bytes;
    }

    public static long Of(IReadOnlyList<MetricDatum> data)
    {
        long bytes = 0;
        foreach (var datum in data)
        {
            bytes += Of(datum);
        }

        return bytes;
    }

    /// <summary>How many datums from <paramref name="start"/> on must go to free both excesses (all that are left at most).</summary>
    internal static int Oldest(IReadOnlyList<MetricDatum> data, int start, int excessDatums, long excessBytes, out long bytes)
    {
        bytes = 0;
        int count = 0;
        while (start + count < data.Count && (count < excessDatums || bytes < excessBytes))
        {
            bytes += Of(data[start + count]);
            count++;
        }

        return count;
    }

    private static long Text(string? text) => text is null ? 0 : RoundUp(ObjectHeader + 4 + 2 + (2L * text.Length));

    private static long Numbers(IReadOnlyList<double>? numbers) =>
        numbers is null ? 0 : ListObject + ArrayHeader + (8L * Capacity(numbers));

    private static int Capacity<T>(IReadOnlyList<T> list) => list switch
    {
        List<T> growable => growable.Capacity,
        T[] array => array.Length,
        _ => list.Count,
    };

    private static long RoundUp(long bytes) => (bytes + 7) & ~7L;
}
