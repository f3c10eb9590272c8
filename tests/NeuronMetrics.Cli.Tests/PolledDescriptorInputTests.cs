using System.IO.Pipes;
using NeuronMetrics.Cli;
using NeuronMetrics.Pipeline;

namespace NeuronMetrics.Cli.Tests;

/// <summary>stdin read with poll(2) on the reading thread, here on a real pipe.</summary>
public sealed class PolledDescriptorInputTests
{
    /// <summary>A pipe: its read end as the input, its write end as a stream (disposing it is the writer closing).</summary>
    private sealed class TestPipe : IDisposable
    {
        private readonly AnonymousPipeServerStream _readEnd = new(PipeDirection.In);

        public TestPipe()
        {
            Writer = new AnonymousPipeClientStream(PipeDirection.Out, _readEnd.ClientSafePipeHandle);
            var input = PolledDescriptorInput.TryOpen((int)_readEnd.SafePipeHandle.DangerousGetHandle());
            input.Should().NotBeNull();
            Input = input!;
        }

        public AnonymousPipeClientStream Writer { get; }

        public PolledDescriptorInput Input { get; }

        public void Dispose()
        {
            Input.Dispose();
            Writer.Dispose();
            _readEnd.Dispose();
        }
    }

    [Fact]
    public void Read_BytesWritten_ReturnsThem()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var pipe = new TestPipe();
        pipe.Writer.Write("{}\n"u8);
        var buffer = new byte[16];

        int read = pipe.Input.Read(buffer, TimeSpan.FromMinutes(1));

        buffer.AsSpan(0, read).ToArray().Should().Equal("{}\n"u8.ToArray());
    }

    [Fact]
    public void Read_SilentPipe_TimesOutWithNoInputYet()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var pipe = new TestPipe();
        pipe.Input.Read(new byte[16], TimeSpan.FromMilliseconds(1)).Should().Be(IBlockingInput.NoInputYet);
    }

    [Fact]
    public void Read_WriterClosed_ReturnsEndOfInput()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var pipe = new TestPipe();
        pipe.Writer.Write("{}"u8);
        pipe.Writer.Dispose();

        pipe.Input.Read(new byte[16], TimeSpan.FromMinutes(1)).Should().Be(2);
        pipe.Input.Read(new byte[16], TimeSpan.FromMinutes(1)).Should().Be(0);
    }

    [Fact]
    public async Task Read_InterruptedWhileWaiting_ThrowsOperationCanceled()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var pipe = new TestPipe();
        using var started = new ManualResetEventSlim();
        var reading = Task.Factory.StartNew(
            () =>
            {
                started.Set();
                return pipe.Input.Read(new byte[16], timeout: null); // no deadline: only the interrupt can end it
            },
            TaskCreationOptions.LongRunning);
        started.Wait(TimeSpan.FromMinutes(1)).Should().BeTrue();

        pipe.Input.Interrupt();

        await FluentActions.Awaiting(() => reading.WaitAsync(TimeSpan.FromMinutes(1))).Should().ThrowAsync<OperationCanceledException>();
    }
}
