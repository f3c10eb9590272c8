using NeuronMetrics.Sinks;

namespace NeuronMetrics.Cli;

/// <summary>
/// stdout for text nobody must lose a run over (help, version, the cost table): once the reader has closed the pipe
/// (<c>neuron-cw --help | head -1</c>) further writes are dropped, as .NET's console stream does, instead of ending
/// in an unhandled broken-pipe exception. Used over the raw descriptor when stdin is a terminal.
/// </summary>
internal sealed class ReaderGoneTolerantStream(Stream inner) : Stream
{
    private bool _readerGone;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_readerGone)
        {
            return;
        }

        try
        {
            inner.Write(buffer);
        }
        catch (IOException ex) when (StandardOutput.IsBrokenPipe(ex))
        {
            _readerGone = true;
        }
    }

    public override void Flush()
    {
        if (!_readerGone)
        {
            inner.Flush();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
