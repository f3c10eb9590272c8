using Microsoft.Win32.SafeHandles;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Sinks;

/// <summary>
/// stdout for the sinks that write to it. .NET's console stream silently ignores a broken pipe, so a dry run
/// piped into <c>head -1</c> (or an EMF run whose log agent died) would count everything as written; a pipe or
/// socket is therefore written through a plain file stream, which reports it.
/// </summary>
public static class StandardOutput
{
    /// <summary>errno EPIPE on Linux: the reader closed the pipe.</summary>
    private const int BrokenPipe = 32;

    public static Stream Open()
    {
        if (OperatingSystem.IsWindows())
        {
            return Console.OpenStandardOutput();
        }

        try
        {
            var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (!stream.CanSeek)
            {
                return stream;
            }

            // A regular file: keep the console stream, which writes at the shared offset (stderr may go to the same file).
            stream.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // stdout closed or unusable: the console stream copes (and reports what it can).
        }

        return Console.OpenStandardOutput();
    }

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
