using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>
/// How many bytes written to a pipe the reader has not taken yet (Linux FIONREAD on the write end),
/// so a test can wait until the child really read its input instead of sleeping and hoping.
/// </summary>
internal static partial class PipeBacklog
{
    private const ulong FionRead = 0x541B;

    public static int UnreadBytes(PipeStream pipe)
    {
        int fd = (int)pipe.SafePipeHandle.DangerousGetHandle();
        if (Ioctl(fd, FionRead, out int count) != 0)
        {
            throw new InvalidOperationException($"ioctl(FIONREAD) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return count;
    }

    [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static extern int Ioctl(int fd, ulong request, out int count);
}
