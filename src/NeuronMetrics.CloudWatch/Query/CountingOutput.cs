namespace NeuronMetrics.CloudWatch.Query;

/// <summary>Counts the bytes the encoder would write; used by <see cref="QueryDatumSizer"/>.</summary>
internal struct CountingOutput : IQueryOutput
{
    public int Count { get; private set; }

    public void Write(byte value) => Count++;

    public void Write(scoped ReadOnlySpan<byte> value) => Count += value.Length;
}
