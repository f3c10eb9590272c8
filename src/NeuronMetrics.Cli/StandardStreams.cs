using System.Text;
using Microsoft.Win32.SafeHandles;

namespace NeuronMetrics.Cli;

/// <summary>
/// stdin, stdout and stderr, without .NET's console streams where they can be avoided: on first use those set up any
/// terminal attached (line editing, keypad escape sequences written to it), and the console's stdout ignores a broken
/// pipe. Output goes to the raw descriptor when it is a pipe, socket or terminal (a closed reader is an EPIPE error, which
/// the sinks report and stop on), and through <see cref="SharedOffsetStream"/> when it is a regular file, so stdout and
/// stderr redirected to one file (<c>&gt; out 2&gt;&amp;1</c>) share its offset. stdin is the raw descriptor when it is a
/// terminal; otherwise (the normal case: piped from neuron-monitor) the console stream.
/// </summary>
internal static class StandardStreams
{
    private static readonly bool InputIsTerminal = !OperatingSystem.IsWindows() && !Console.IsInputRedirected;

    public static Stream OpenInput() => InputIsTerminal ? OpenRaw(0, FileAccess.Read) ?? Console.OpenStandardInput() : Console.OpenStandardInput();

    /// <summary>stdout for the dry-run and EMF sinks: a write to a closed pipe fails (and stops the run) instead of vanishing.</summary>
    public static Stream OpenOutput() => OpenWritable(1);

    public static Stream OpenError() => OpenWritable(2);

    /// <summary>
    /// stdout as text (help, version, the cost table): UTF-8 without a byte order mark, flushed per write. A reader that
    /// leaves early, or a closed stdout, ends the output quietly.
    /// </summary>
    public static TextWriter CreateOutputWriter() =>
        new StreamWriter(new BestEffortOutputStream(OpenWritable(1)), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true };

    private static Stream OpenWritable(int descriptor)
    {
        if (OperatingSystem.IsWindows())
        {
            return ConsoleStream(descriptor);
        }

        if (OpenRaw(descriptor, FileAccess.Write) is not { } raw)
        {
            return ConsoleStream(descriptor); // closed or unusable: the console stream copes (and reports what it can)
        }

        if (!raw.CanSeek)
        {
            return raw;
        }

        raw.Dispose();
        return new SharedOffsetStream(descriptor);
    }

    /// <summary>The descriptor as a stream, or null when it is unusable. A closed one (<c>&gt;&amp;-</c>) fails on write: a sink counts that as undelivered.</summary>
    private static FileStream? OpenRaw(int descriptor, FileAccess access)
    {
        try
        {
            return new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), access, bufferSize: 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static Stream ConsoleStream(int descriptor) => descriptor == 1 ? Console.OpenStandardOutput() : Console.OpenStandardError();
}
