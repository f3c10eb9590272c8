using System.IO.Pipes;
using NeuronMetrics.Cli;
using NeuronMetrics.Pipeline;

namespace NeuronMetrics.Cli.Tests;

/// <summary>stdin read with poll(2) on the reading thread, here on a real pipe.</summary>
public sealed class PolledDescriptorInputTests
{
    /// <summary>A pipe: its read end as the input, its write end as a stream (disposing it is the writer closing).</summary>
    private static (AnonymousPipeServerStream ReadEnd, AnonymousPipeClientStream Writer, PolledDescriptorInput Input) OpenPipe()
    {
        var readEnd = new AnonymousPipeServerStream(PipeDirection.In);
        var writer = new AnonymousPipeClientStream(PipeDirection.Out, readEnd.ClientSafePipeHandle);
        var input = PolledDescriptorInput.TryOpen((int)readEnd.SafePipeHandle.DangerousGetHandle());
        input.Should().NotBeNull();
        return (readEnd, writer, input!);
    }

    [Fact]
    public void Read_BytesWritten_ReturnsThem()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (readEnd, writer, input) = OpenPipe();
        using (readEnd)
        using (writer)
        using (input)
        {
            writer.Write("{}\n"u8);
            var buffer = new byte[16];

            int read = input.Read(buffer, TimeSpan.FromMinutes(1));

            buffer.AsSpan(0, read).ToArray().Should().Equal("{}\n"u8.ToArray());
        }
    }

    [Fact]
    public void Read_SilentPipe_TimesOutWithNoInputYet()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (readEnd, writer, input) = OpenPipe();
        using (readEnd)
        using (writer)
        using (input)
        {
            input.Read(new byte[16], TimeSpan.FromMilliseconds(1)).Should().Be(IBlockingInput.NoInputYet);
        }
    }

    [Fact]
    public void Read_WriterClosed_ReturnsEndOfInput()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (readEnd, writer, input) = OpenPipe();
        using (readEnd)
        using (input)
        {
            writer.Write("{}"u8);
            writer.Dispose();

            input.Read(new byte[16], TimeSpan.FromMinutes(1)).Should().Be(2);
            input.Read(new byte[16], TimeSpan.FromMinutes(1)).Should().Be(0);
        }
    }

    [Fact]
    public async Task Read_InterruptedWhileWaiting_ThrowsOperationCanceled()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (readEnd, writer, input) = OpenPipe();
        using (readEnd)
        using (writer)
        using (input)
        {
            using var started = new ManualResetEventSlim();
            var reading = Task.Factory.StartNew(
                () =>
                {
                    started.Set();
                    return input.Read(new byte[16], timeout: null); // no deadline: only the interrupt can end it
                },
                TaskCreationOptions.LongRunning);
            started.Wait(TimeSpan.FromMinutes(1)).Should().BeTrue();

            input.Interrupt();

            await FluentActions.Awaiting(() => reading.WaitAsync(TimeSpan.FromMinutes(1))).Should().ThrowAsync<OperationCanceledException>();
        }
    }
}
