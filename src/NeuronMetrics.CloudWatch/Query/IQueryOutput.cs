namespace NeuronMetrics.CloudWatch.Query;

/// <summary>
/// Where encoded query bytes go. Implemented by structs so the same encoding code can either write
/// (<see cref="BufferOutput"/>) or only count (<see cref="CountingOutput"/>) without virtual calls.
/// Numbers go through their own methods so that counting need not format them (<see cref="QueryNumber"/>).
/// </summary>
internal interface IQueryOutput
{
    void Write(byte value);

    void Write(scoped ReadOnlySpan<byte> value);

    /// <summary>A number as <see cref="QueryNumber.Format"/> writes it.</summary>
    void WriteNumber(double value);

    /// <summary>
    /// "{prefix}{k}={values[k - 1]}" for k = 1..n, with <paramref name="entry"/> (room for
    /// <see cref="QueryNumber.MaxListEntryLength"/>) holding the prefix in its first <paramref name="prefix"/> bytes.
    /// </summary>
    void WriteList(Span<byte> entry, int prefix, ReadOnlySpan<double> values);
}
