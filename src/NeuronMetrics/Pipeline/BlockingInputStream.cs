namespace NeuronMetrics.Pipeline;

/// <summary>
/// An <see cref="IBlockingInput"/> as the stream the framer reads: every read completes before it returns, so the framer,
/// parser and mappers run inline on the reading thread. While it waits for input, the
/// <see cref="ReadingThreadSchedule"/> runs what is due.
/// </summary>
internal sealed class BlockingInputStream(IBlockingInput input, ReadingThreadSchedule schedule, CancellationToken stop) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            var wait = schedule.RunDue();
            int read = input.Read(buffer, wait);
            if (read != IBlockingInput.NoInputYet)
            {
                schedule.InputArrived();
                return read;
            }
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return ValueTask.FromResult(Read(buffer.Span));
        }
        catch (Exception ex)
        {
            return ValueTask.FromException<int>(ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
