using System.Text;
using NeuronMetrics.Batching;
using NeuronMetrics.Model;
using NeuronMetrics.Pipeline;

namespace NeuronMetrics.Tests.Pipeline;

/// <summary>The two threads of a run read from an <see cref="IBlockingInput"/>: how failures on either end it.</summary>
public sealed class ReadingThreadsTests
{
    private static readonly string[] Lines = File.ReadAllLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl"));

    private static List<byte[]> Chunks() => Encoding.UTF8.GetBytes(string.Join("\n", Lines) + "\n").Chunk(777).ToList();

    [Fact]
    public async Task RunAsync_AggregatingThreadFails_RunFailsWithItsErrorWhileInputIsSilent()
    {
        // Every report seals its interval, so the aggregating thread flushes at once, and the batcher's sizer throws.
        var runner = new PipelineRunner { MaxEntriesPerMetric = 1, Sizer = new BrokenSizer() };
        var input = new ScriptedBlockingInput(Chunks(), endAfterChunks: false);

        var run = () => runner.RunAsync(input, new InMemorySink(), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        await run.Should().ThrowAsync<InvalidOperationException>().WithMessage("sizer broke");
    }

    [Fact]
    public async Task RunAsync_ReadFails_WhatWasReadIsDeliveredAndTheRunFailsWithTheReadError()
    {
        var runner = new PipelineRunner();
        var sink = new InMemorySink();

        var run = () => runner.RunAsync(new FailingInput(Chunks()), sink, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        await run.Should().ThrowAsync<IOException>().WithMessage("disk gone");
        runner.Statistics.ReportsRead.Should().Be(Lines.Length);
        sink.Batches.SelectMany(b => b.Data).Should().NotBeEmpty();
        runner.Statistics.DatumsSent.Should().Be(runner.Statistics.Datums);
    }

    private sealed class BrokenSizer : IDatumSizer
    {
        public int RequestOverhead(string metricNamespace) => 64;

        public int DatumSize(MetricDatum datum, int memberIndex) => throw new InvalidOperationException("sizer broke");
    }

    /// <summary>Gives its chunks, then fails as a broken descriptor would.</summary>
    private sealed class FailingInput(IEnumerable<byte[]> chunks) : IBlockingInput
    {
        private readonly Queue<byte[]> _chunks = new(chunks);

        public int Read(Span<byte> buffer, TimeSpan? timeout)
        {
            if (!_chunks.TryDequeue(out var chunk))
            {
                throw new IOException("disk gone");
            }

            chunk.CopyTo(buffer);
            return chunk.Length;
        }

        public void Interrupt()
        {
        }
    }
}
