namespace NeuronMetrics.Aggregation;

/// <summary>
/// Upper estimates of what managed objects take on the 64-bit runtime, for the aggregator's byte-bounded pool: an
/// object header and method table pointer before the fields, an array's length after them, rounded up to 8 bytes.
/// </summary>
internal static class ManagedSize
{
    /// <summary>Object header and method table pointer.</summary>
    private const int ObjectHeader = 16;

    /// <summary>Header, method table pointer and length.</summary>
    private const int ArrayHeader = 24;

    public static long Object(int fieldBytes) => RoundUp(ObjectHeader + fieldBytes);

    public static long Array(int length, int elementBytes) => RoundUp(ArrayHeader + ((long)length * elementBytes));

    private static long RoundUp(long bytes) => (bytes + 7) & ~7L;
}
