using System.Runtime.InteropServices;

namespace NeuronMetrics.Cli;

/// <summary>
/// Writes to a descriptor of a regular file with write(2), at the file offset it shares with the other descriptors of
/// the same open file, as <c>&gt; out.txt 2&gt;&amp;1</c> sets up stdout and stderr. .NET's FileStream keeps its own
/// offset for a regular file (pwrite), so stdout and stderr would overwrite each other; the console streams do write
/// at the shared offset, but first set up any terminal attached (keypad escape sequences on it).
/// </summary>
internal sealed partial class SharedOffsetStream(int descriptor) : WriteOnlyStream
{
    /// <summary>errno EINTR: a signal arrived before anything was written; write again.</summary>
    private const int Interrupted = 4;

    /// <exception cref="IOException">The write failed; <see cref="Exception.HResult"/> is the errno (as for FileStream).</exception>
    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            int written = 0;
            while (written < buffer.Length)
            {
                nint n = WriteDescriptor(descriptor, start + written, buffer.Length - written);
                if (n >= 0)
                {
                    written += (int)n;
                    continue;
                }

                int error = Marshal.GetLastPInvokeError();
                if (error != Interrupted)
                {
                    throw new IOException(Marshal.GetPInvokeErrorMessage(error), error);
                }
            }
        }
    }

    public override void Flush()
    {
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint WriteDescriptor(int descriptor, byte* buffer, nint count);
}
