namespace NeuronMetrics.Pipeline;

/// <summary>
/// An <see cref="IBlockingInput"/> as the stream the framer reads: every read completes before it returns, so the framer,
/// parser and mappers run inline on the reading thread. Between reads the <see cref="ReadingThreadSchedule"/> runs what
/// is due; before this thread may wait for input, the aggregating thread is woken for what it was handed meanwhile.
/// </summary>
internal sealed class BlockingInputStream(IBlockingInput input, ReadingThreadSchedule schedule, SampleHandOff handOff, CancellationToken stop) : Stream
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
            int read = IBlockingInput.NoInputYet;
            if (handOff.HasUnsignalled)
            {
                // A look without waiting first: a replay (input always ready) then wakes the aggregating thread only per half ring.
                read = input.Read(buffer, TimeSpan.Zero);
                if (read == IBlockingInput.NoInputYet)
                {
                    handOff.WakeConsumer();
                }
            }

            if (read == IBlockingInput.NoInputYet)
            {
                read = input.Read(buffer, wait);
            }

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
