using System.Text;
using Microsoft.Win32.SafeHandles;

namespace NeuronMetrics.Cli;

/// <summary>
/// stdin, stdout and stderr. When stdin is a terminal, .NET's console streams set the terminal up on first use (line
/// editing on stdin, keypad-mode escape sequences written to the terminal): then the raw descriptors are used instead,
/// so nothing but our own text reaches the terminal. Otherwise (the normal case: piped from neuron-monitor) the
/// console streams are used, which share the descriptors' file offsets with the shell's other redirections.
/// </summary>
internal static class StandardStreams
{
    private static readonly bool Raw = !OperatingSystem.IsWindows() && !Console.IsInputRedirected;

    public static Stream OpenInput() => Raw ? OpenDescriptor(0, FileAccess.Read) : Console.OpenStandardInput();

    public static Stream OpenOutput() => Raw ? OpenDescriptor(1, FileAccess.Write) : Console.OpenStandardOutput();

    public static Stream OpenError() => Raw ? OpenDescriptor(2, FileAccess.Write) : Console.OpenStandardError();

    /// <summary>stdout as text (help, version, the cost table): UTF-8 without a byte order mark, flushed per write.</summary>
    public static TextWriter CreateOutputWriter() => new StreamWriter(OpenOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true };

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
