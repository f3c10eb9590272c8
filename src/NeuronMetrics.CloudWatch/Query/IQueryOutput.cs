namespace NeuronMetrics.CloudWatch.Query;

/// <summary>
/// Where encoded query bytes go. Implemented by structs so the same encoding code can either write
/// (<see cref="BufferOutput"/>) or only count (<see cref="CountingOutput"/>) without virtual calls.
/// </summary>
internal interface IQueryOutput
{
    void Write(byte value);

    void Write(scoped ReadOnlySpan<byte> value);
}
