namespace NeuronMetrics.CloudWatch.Query;

/// <summary>Counts the bytes the encoder would write, numbers by their length alone; used by <see cref="QueryDatumSizer"/>.</summary>
internal struct CountingOutput : IQueryOutput
{
    public int Count { get; private set; }

    public void Write(byte value) => Count++;

    public void Write(scoped ReadOnlySpan<byte> value) => Count += value.Length;

    public void WriteNumber(double value) => Count += QueryNumber.Length(value);

    public void WriteList(Span<byte> entry, int prefix, ReadOnlySpan<double> values)
    {
        for (var k = 0; k < values.Length; k++)
        {
            Count += QueryNumber.ListEntryLength(prefix, k + 1, values[k]);
        }
    }
}
