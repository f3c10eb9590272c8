namespace NeuronMetrics.CloudWatch.Query;

/// <summary>
/// A growable byte buffer kept for the life of the client, so encoding a request every second
/// for weeks does not allocate a new body each time. Not thread-safe: one request at a time.
/// </summary>
internal sealed class ReusableBuffer
{
    private byte[] _array;

    public ReusableBuffer(int initialCapacity = 16 * 1024) => _array = new byte[initialCapacity];

    public int Length { get; private set; }

    /// <summary>The backing array; only the first <see cref="Length"/> bytes are meaningful.</summary>
    public byte[] Array => _array;

    public ReadOnlySpan<byte> Span => _array.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, Length);

    public void Clear() => Length = 0;

    public void Append(byte value)
    {
        if (Length == _array.Length)
        {
            Grow(1);
        }

        _array[Length++] = value;
    }

    public void Append(scoped ReadOnlySpan<byte> value)
    {
        if (_array.Length - Length < value.Length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_array.AsSpan(Length));
        Length += value.Length;
    }

    /// <summary>Space for a writer that fills the buffer directly (e.g. a compressor); commit with <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        if (_array.Length - Length < sizeHint)
        {
            Grow(sizeHint);
        }

        return _array.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    private void Grow(int needed)
    {
        var newSize = Math.Max(_array.Length * 2, Length + needed);
        System.Array.Resize(ref _array, newSize);
    }
}
