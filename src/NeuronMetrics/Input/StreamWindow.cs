using System.Buffers;

namespace NeuronMetrics.Input;

/// <summary>
/// The framer's view of its input: a pooled buffer holding the unconsumed bytes
/// (<see cref="Start"/> to <see cref="End"/>), refilled from the stream on demand, compacted and
/// grown as needed. A pending read abandoned by cancellation (console stdin ignores tokens) keeps
/// its buffer out of the pool.
/// </summary>
internal sealed class StreamWindow(Stream input) : IDisposable
{
    private const int ReadChunkBytes = 64 * 1024;

    private Task<int>? _pendingRead;

    public byte[] Buffer = ArrayPool<byte>.Shared.Rent(ReadChunkBytes * 2);

    /// <summary>First unconsumed byte.</summary>
    public int Start;

    /// <summary>End (exclusive) of the bytes read.</summary>
    public int End;

    /// <summary>The stream has ended: no more bytes will come.</summary>
    public bool Eof;

    /// <summary>Reads more input, compacting or growing the buffer first.</summary>
    public async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (Start > 0)
        {
            int length = End - Start;
            if (length > 0)
            {
                System.Buffer.BlockCopy(Buffer, Start, Buffer, 0, length);
            }

            Start = 0;
            End = length;
        }

        if (Buffer.Length - End < ReadChunkBytes)
        {
            byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(Buffer.Length * 2, End + ReadChunkBytes));
            System.Buffer.BlockCopy(Buffer, 0, bigger, 0, End);
            ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = bigger;
        }

        var pending = input.ReadAsync(Buffer.AsMemory(End), cancellationToken);
        int read;
        if (pending.IsCompleted)
        {
            read = pending.GetAwaiter().GetResult();
        }
        else
        {
            // Console stdin ignores the token: stop waiting when it fires (SIGTERM) and leave the read behind.
            _pendingRead = pending.AsTask();
            read = await _pendingRead.WaitAsync(cancellationToken).ConfigureAwait(false);
            _pendingRead = null;
        }

        if (read == 0)
        {
            Eof = true;
        }

        End += read;
    }

    public void Dispose()
    {
        if (_pendingRead is { IsCompleted: false })
        {
            // An abandoned read may still write into the buffer: leave it to the GC, not the pool.
            Buffer = [];
            return;
        }

        ArrayPool<byte>.Shared.Return(Buffer);
        Buffer = [];
    }
}
