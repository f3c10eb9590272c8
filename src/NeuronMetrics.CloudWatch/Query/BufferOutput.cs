namespace NeuronMetrics.CloudWatch.Query;

/// <summary>Writes encoded query bytes into a <see cref="ReusableBuffer"/>.</summary>
internal readonly struct BufferOutput(ReusableBuffer buffer) : IQueryOutput
{
    public void Write(byte value) => buffer.Append(value);

    public void Write(scoped ReadOnlySpan<byte> value) => buffer.Append(value);
}
