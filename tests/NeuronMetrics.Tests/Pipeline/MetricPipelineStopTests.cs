using System.Text;
using NeuronMetrics.Pipeline;

namespace NeuronMetrics.Tests.Pipeline;

/// <summary>A stop (SIGTERM, or a sink that can deliver nothing more) that comes while documents are buffered, not in a wait for input.</summary>
public sealed class MetricPipelineStopTests
{
    private static readonly byte[] Input = Encoding.UTF8.GetBytes(string.Join("\n", File.ReadAllLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl"))) + "\n");

    [Fact]
    public async Task RunAsync_BlockingInputStoppedWithDocumentsBuffered_SaysItIsStopping()
    {
        var runner = new PipelineRunner();
        using var stop = new CancellationTokenSource();

        await runner.RunAsync(new StoppingInput(Input, stop), new InMemorySink(), stop.Token).WaitAsync(TimeSpan.FromMinutes(1));

        runner.Log.Lines.Should().Contain(l => l.Message.Contains("stopping: flushing buffered data"));
    }

    [Fact]
    public async Task RunAsync_StreamStoppedWithDocumentsBuffered_SaysItIsStopping()
    {
        var runner = new PipelineRunner();
        using var stop = new CancellationTokenSource();

        await runner.RunAsync(new StoppingStream(Input, stop), new InMemorySink(), stop.Token).WaitAsync(TimeSpan.FromMinutes(1));

        runner.Log.Lines.Should().Contain(l => l.Message.Contains("stopping: flushing buffered data"));
    }

    /// <summary>Gives every document in its first read, and the stop with them.</summary>
    private sealed class StoppingInput(byte[] bytes, CancellationTokenSource stop) : IBlockingInput
    {
        private bool _given;

        public int Read(Span<byte> buffer, TimeSpan? timeout)
        {
            if (_given)
            {
                throw new OperationCanceledException();
            }

            _given = true;
            bytes.CopyTo(buffer);
            stop.Cancel();
            return bytes.Length;
        }

        public void Interrupt()
        {
        }
    }

    /// <summary>As <see cref="StoppingInput"/>, as a stream.</summary>
    private sealed class StoppingStream(byte[] bytes, CancellationTokenSource stop) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read = Read(buffer.Span);
            stop.Cancel();
            return ValueTask.FromResult(read);
        }
    }
}
