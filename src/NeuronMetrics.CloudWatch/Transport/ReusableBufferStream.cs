using NeuronMetrics.CloudWatch.Query;

namespace NeuronMetrics.CloudWatch.Transport;

/// <summary>A write-only stream appending to a <see cref="ReusableBuffer"/> (the gzip output sink).</summary>
internal sealed class ReusableBufferStream(ReusableBuffer buffer) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => buffer.Length;

    public override long Position
    {
        get => buffer.Length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] array, int offset, int count) => buffer.Append(array.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> data) => buffer.Append(data);

    public override void Flush()
    {
    }

    public override int Read(byte[] array, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
