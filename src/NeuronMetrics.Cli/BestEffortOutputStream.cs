namespace NeuronMetrics.Cli;

/// <summary>
/// stdout for text nobody must lose a run over (help, version, the cost table): once writing fails, because the reader
/// closed the pipe (<c>neuron-cw --help | head -1</c>) or stdout is closed, further writes are dropped, as .NET's
/// console stream does, instead of ending in an unhandled exception.
/// </summary>
internal sealed class BestEffortOutputStream(Stream inner) : WriteOnlyStream
{
    private bool _failed;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            inner.Write(buffer);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _failed = true;
        }
    }

    public override void Flush()
    {
        if (!_failed)
        {
            inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
