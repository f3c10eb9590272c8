namespace NeuronMetrics.Cli;

/// <summary>
/// Writes whole lines to stderr and never throws: a closed stderr (<c>2>&amp;-</c>), a full disk or a dead log reader
/// must not take the process down. After the first failed write the rest are dropped silently (there is nowhere
/// left to say it). Writes the raw stream, not <see cref="Console.Error"/>, which would set up the terminal and emit
/// escape sequences when stdin is one.
/// </summary>
internal sealed class StderrWriter(Stream stream)
{
    private readonly Lock _lock = new();
    private bool _broken;

    public static StderrWriter Open() => new(StandardStreams.OpenError());

    /// <summary>Writes one line (the caller adds the line end) and flushes it; false when stderr no longer works.</summary>
    public bool TryWrite(ReadOnlySpan<byte> line)
    {
        lock (_lock)
        {
            if (_broken)
            {
                return false;
            }

            try
            {
                stream.Write(line);
                stream.Flush();
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException or NotSupportedException)
            {
                _broken = true;
                return false;
            }
        }
    }
}
