using System.Text;
using NeuronMetrics.Pipeline;

namespace NeuronMetrics.Tests.Pipeline;

/// <summary>The run that reads stdin on a thread of its own (<see cref="IBlockingInput"/>), as the CLI does on Linux.</summary>
public sealed class MetricPipelineReadingThreadTests
{
    private static readonly string[] Lines = File.ReadAllLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl"));

    /// <summary>The sample split at awkward places (mid-document), as pipe reads split it.</summary>
    private static List<byte[]> Chunks()
    {
        byte[] all = Encoding.UTF8.GetBytes(string.Join("\n", Lines) + "\n");
        return all.Chunk(777).ToList();
    }

    [Fact]
    public async Task RunAsync_BlockingInputEndsAtEof_FlushesEveryReportLikeTheStreamRun()
    {
        var expected = new InMemorySink();
        await new PipelineRunner().RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", Lines) + "\n")), expected);
        var runner = new PipelineRunner();
        var sink = new InMemorySink();

        await runner.RunAsync(new ScriptedBlockingInput(Chunks(), endAfterChunks: true), sink, CancellationToken.None);

        runner.Statistics.ReportsRead.Should().Be(Lines.Length);
        sink.Batches.SelectMany(b => b.Data).Should().BeEquivalentTo(expected.Batches.SelectMany(b => b.Data));
        runner.Log.Lines.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_StopWhileWaitingForInput_FlushesWhatWasRead()
    {
        var runner = new PipelineRunner();
        var sink = new InMemorySink();
        var input = new ScriptedBlockingInput(Chunks(), endAfterChunks: false);
        using var stop = new CancellationTokenSource();

        var run = runner.RunAsync(input, sink, stop.Token);
        input.Waiting.Wait(TimeSpan.FromMinutes(1)).Should().BeTrue("every chunk is read before the input waits");
        sink.Batches.Should().BeEmpty("the interval has not ended on the fixed clock");
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromMinutes(1));

        runner.Statistics.ReportsRead.Should().Be(Lines.Length);
        sink.Batches.SelectMany(b => b.Data).Should().NotBeEmpty();
        runner.Statistics.DatumsSent.Should().Be(runner.Statistics.Datums);
        runner.Log.Lines.Should().Contain(l => l.Message.Contains("stopping: flushing buffered data"));
    }

    [Fact]
    public async Task RunAsync_StoppedBeforeStart_ReadsNothingAndEnds()
    {
        var runner = new PipelineRunner();
        var input = new ScriptedBlockingInput(Chunks(), endAfterChunks: false);
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        await runner.RunAsync(input, new InMemorySink(), stop.Token).WaitAsync(TimeSpan.FromMinutes(1));

        runner.Statistics.ReportsRead.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_IdleInput_WaitsUntilTheIntervalEnds()
    {
        var runner = new PipelineRunner();
        var input = new ScriptedBlockingInput([], endAfterChunks: true);

        await runner.RunAsync(input, new InMemorySink(), CancellationToken.None);

        // PipelineRunner's clock stands at 12:00:30 and intervals are a minute: the first wait lasts until 12:01:00.
        input.Timeouts.Should().Equal(TimeSpan.FromSeconds(30));
    }
}
