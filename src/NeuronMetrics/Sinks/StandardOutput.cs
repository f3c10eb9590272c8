using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Sinks;

/// <summary>
/// What a failed write to stdout means for the sinks that write to it (dry-run, EMF). The CLI opens stdout so that
/// a broken pipe is reported (.NET's console stream silently ignores it, so a dry run piped into <c>head -1</c>, or an
/// EMF run whose log agent died, would count everything as written).
/// </summary>
public static class StandardOutput
{
    /// <summary>errno EPIPE on Linux: the reader closed the pipe.</summary>
    private const int BrokenPipe = 32;

    /// <summary>Whether a failed write means the reader closed the pipe (EPIPE).</summary>
    public static bool IsBrokenPipe(IOException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.HResult == BrokenPipe;
    }

    /// <summary>
    /// What a failed write to stdout means for the batch: a broken pipe stops the run (nothing more can be written),
    /// anything else (a full disk) loses this batch only. Says so on stderr.
    /// </summary>
    public static SinkResult WriteFailed(IOException exception, int datums, IDiagnosticLog log)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(log);
        if (IsBrokenPipe(exception))
        {
            log.Write(LogLevel.Error, $"stdout was closed by its reader (broken pipe): stopping; {datums} datum(s) not written");
            return SinkResult.Failed(datums, SinkFault.OutputClosed);
        }

        log.Write(LogLevel.Error, $"writing to stdout failed: {SecretScrubber.Scrub(exception.Message)}; {datums} datum(s) dropped");
        return SinkResult.Failed(datums, SinkFault.None);
    }
}
