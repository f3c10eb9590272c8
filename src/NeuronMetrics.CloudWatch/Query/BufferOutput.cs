namespace NeuronMetrics.CloudWatch.Query;

/// <summary>Writes encoded query bytes into a <see cref="ReusableBuffer"/>.</summary>
internal readonly struct BufferOutput(ReusableBuffer buffer) : IQueryOutput
{
    public void Write(byte value) => buffer.Append(value);

    public void Write(scoped ReadOnlySpan<byte> value) => buffer.Append(value);

    public void WriteNumber(double value)
    {
        Span<byte> text = stackalloc byte[QueryNumber.MaxLength];
        buffer.Append(text[..QueryNumber.Format(value, text)]);
    }

    /// <summary>Each entry assembled after the prefix in one stack buffer and written at once: list entries are most of a body.</summary>
    public void WriteList(Span<byte> entry, int prefix, ReadOnlySpan<double> values)
    {
        for (var k = 0; k < values.Length; k++)
        {
            buffer.Append(entry[..QueryNumber.FormatListEntry(entry, prefix, k + 1, values[k])]);
        }
    }
}
