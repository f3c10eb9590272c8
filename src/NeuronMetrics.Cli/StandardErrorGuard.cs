using Microsoft.Win32.SafeHandles;

namespace NeuronMetrics.Cli;

/// <summary>
/// Started with stderr closed (<c>2&gt;&amp;-</c>), the next file or socket the process opens would get descriptor 2
/// and receive every log line. Putting /dev/null there first keeps diagnostics away from data.
/// </summary>
internal static class StandardErrorGuard
{
    private const int StandardErrorDescriptor = 2;

    /// <summary>Held for the life of the process: closing it would free descriptor 2 again.</summary>
    private static FileStream? _devNull;

    public static void Ensure()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var handle = new SafeFileHandle(StandardErrorDescriptor, ownsHandle: false);
        try
        {
            File.GetUnixFileMode(handle); // fstat: fails with EBADF when the descriptor is closed
            return;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        try
        {
            var devNull = new FileStream("/dev/null", FileMode.Open, FileAccess.Write); // the lowest free descriptor
            if (devNull.SafeFileHandle.DangerousGetHandle() == StandardErrorDescriptor)
            {
                _devNull = devNull;
            }
            else
            {
                devNull.Dispose(); // stdin or stdout is closed too: not ours to paper over
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
