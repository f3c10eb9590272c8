using System.Runtime.InteropServices;
using NeuronMetrics.Pipeline;

namespace NeuronMetrics.Cli;

/// <summary>
/// stdin (Linux) read with poll(2) and read(2) on the pipeline's reading thread: poll waits for input, the next
/// deadline, or an eventfd that <see cref="Interrupt"/> (a signal) writes to, so a silent pipe never holds up a stop.
/// A regular file (<c>&lt; reports.jsonl</c>) is always readable and is read without polling.
/// </summary>
internal sealed partial class PolledDescriptorInput : IBlockingInput, IDisposable
{
    private const short PollIn = 0x1;
    private const int Interrupted = 4; // EINTR
    private const int WouldBlock = 11; // EAGAIN: a descriptor shared in non-blocking mode; poll again
    private const int NotSeekable = 29; // ESPIPE
    private const int SeekCurrent = 1;
    private const int EventFdCloseOnExec = 0x80000;
    private const int EventFdNonBlocking = 0x800;

    private readonly int _descriptor;
    private readonly int _wake;
    private readonly bool _alwaysReadable;
    private volatile bool _interrupted;

    private PolledDescriptorInput(int descriptor, int wake, bool alwaysReadable)
    {
        _descriptor = descriptor;
        _wake = wake;
        _alwaysReadable = alwaysReadable;
    }

    /// <summary>The descriptor as a blocking input, or null when it cannot be (not Linux, closed, no eventfd): read it as a stream then.</summary>
    public static PolledDescriptorInput? TryOpen(int descriptor)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // Seekable: a regular file (or /dev/null). ESPIPE: a pipe, socket or terminal. Anything else (EBADF: closed).
        bool seekable = Seek(descriptor, 0, SeekCurrent) >= 0;
        if (!seekable && Marshal.GetLastPInvokeError() != NotSeekable)
        {
            return null;
        }

        int wake = EventFd(0, EventFdCloseOnExec | EventFdNonBlocking);
        return wake < 0 ? null : new PolledDescriptorInput(descriptor, wake, seekable);
    }

    public unsafe int Read(Span<byte> buffer, TimeSpan? timeout)
    {
        if (!_alwaysReadable)
        {
            var fds = stackalloc PollDescriptor[2];
            fds[0] = new PollDescriptor { Descriptor = _descriptor, Events = PollIn };
            fds[1] = new PollDescriptor { Descriptor = _wake, Events = PollIn };
            int ready = Poll(fds, 2, Milliseconds(timeout));
            if (_interrupted || fds[1].ReturnedEvents != 0)
            {
                throw new OperationCanceledException();
            }

            if (ready == 0)
            {
                return IBlockingInput.NoInputYet;
            }

            if (ready < 0)
            {
                return Marshal.GetLastPInvokeError() == Interrupted ? IBlockingInput.NoInputYet : throw Failure();
            }
        }

        fixed (byte* start = buffer)
        {
            nint read = ReadDescriptor(_descriptor, start, buffer.Length);
            if (read >= 0)
            {
                return (int)read;
            }
        }

        return Marshal.GetLastPInvokeError() is Interrupted or WouldBlock ? IBlockingInput.NoInputYet : throw Failure();
    }

    public unsafe void Interrupt()
    {
        _interrupted = true;
        ulong one = 1;
        _ = WriteDescriptor(_wake, &one, sizeof(ulong));
    }

    public void Dispose() => _ = Close(_wake);

    /// <summary>poll(2)'s timeout: rounded up, so a deadline is never woken for just before it is due.</summary>
    private static int Milliseconds(TimeSpan? timeout) => timeout is not { } wait ? -1
        : wait.TotalMilliseconds >= int.MaxValue ? int.MaxValue
        : (int)Math.Ceiling(wait.TotalMilliseconds);

    private static IOException Failure()
    {
        int error = Marshal.GetLastPInvokeError();
        return new IOException($"reading stdin: {Marshal.GetPInvokeErrorMessage(error)}", error);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static unsafe partial int Poll(PollDescriptor* fds, nuint count, int timeout);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint ReadDescriptor(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint WriteDescriptor(int descriptor, void* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    private static partial int EventFd(uint initial, int flags);

    [LibraryImport("libc", EntryPoint = "lseek", SetLastError = true)]
    private static partial long Seek(int descriptor, long offset, int whence);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
