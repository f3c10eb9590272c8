using System.Text;
using Microsoft.Win32.SafeHandles;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Cli;

/// <summary>
/// stdin, stdout and stderr. When stdin is a terminal, .NET's console streams set the terminal up on first use (line
/// editing on stdin, keypad-mode escape sequences written to the terminal): then the raw descriptors are used instead,
/// so nothing but our own text reaches the terminal. Otherwise (the normal case: piped from neuron-monitor) the
/// console streams are used, which share the descriptors' file offsets with the shell's other redirections; except
/// the sinks' stdout, which is <see cref="StandardOutput.Open"/> (a raw descriptor for a pipe, so a closed reader is
/// seen as a broken pipe instead of being ignored). A raw descriptor reports a broken pipe either way.
/// </summary>
internal static class StandardStreams
{
    private static readonly bool Raw = !OperatingSystem.IsWindows() && !Console.IsInputRedirected;

    public static Stream OpenInput() => Raw ? OpenDescriptor(0, FileAccess.Read) : Console.OpenStandardInput();

    /// <summary>stdout for the dry-run and EMF sinks: a write to a closed pipe fails (and stops the run) instead of vanishing.</summary>
    public static Stream OpenOutput() => Raw ? OpenDescriptor(1, FileAccess.Write) : StandardOutput.Open();

    public static Stream OpenError() => Raw ? OpenDescriptor(2, FileAccess.Write) : Console.OpenStandardError();

    /// <summary>
    /// stdout as text (help, version, the cost table): UTF-8 without a byte order mark, flushed per write. A reader that
    /// leaves early ends the output quietly, either way.
    /// </summary>
    public static TextWriter CreateOutputWriter() => new StreamWriter(
        Raw ? new ReaderGoneTolerantStream(OpenDescriptor(1, FileAccess.Write)) : Console.OpenStandardOutput(),
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true };

    private static Stream OpenDescriptor(int descriptor, FileAccess access)
    {
        try
        {
            return new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), access, bufferSize: 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return access == FileAccess.Read ? Console.OpenStandardInput() : descriptor == 1 ? Console.OpenStandardOutput() : Console.OpenStandardError();
        }
    }
}
