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
        // Every report seals its interval, so the aggregating thread flushes at once, and the batcher's sizer throws. Enough
        // reports to fill the hand-off, so the aggregating thread is woken without a tick (the clock stands still).
        var runner = new PipelineRunner { MaxEntriesPerMetric = 1, Sizer = new BrokenSizer() };
        var reports = Enumerable.Repeat(Lines, (SampleHandOff.DefaultCapacity / Lines.Length) + 1).SelectMany(l => l);
        var input = new ScriptedBlockingInput(Encoding.UTF8.GetBytes(string.Join("\n", reports) + "\n").Chunk(777), endAfterChunks: false);

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

    [Fact]
    public async Task RunAsync_IntervalsEndWhileReading_EachIntervalFlushedOnceWithEveryReportReadInIt()
    {
        // A report every 20 s on the test clock (starting 12:00:30, minute intervals): the reading thread posts a flush at
        // each boundary, after the reports before it; the aggregating thread adds those first and flushes what ended by
        // the boundary, not what ended by the time it gets to it (the reading thread is ahead on the clock by then).
        var runner = new PipelineRunner();
        var sink = new InMemorySink();
        var reports = Lines.Select(l => Encoding.UTF8.GetBytes(l + "\n")).Take(9).ToList();
        var input = new ClockedInput(reports, runner.Clock, TimeSpan.FromSeconds(20));

        await runner.RunAsync(input, sink, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        var data = sink.Batches.SelectMany(b => b.Data).ToList();
        data.Should().NotBeEmpty();
        data.GroupBy(d => (d.MetricName, string.Join(",", d.Dimensions.Select(x => x.Value)), d.Timestamp))
            .Should().OnlyContain(g => g.Count() == 1, "an interval is flushed once, with every report read in it");
        var perInterval = data.GroupBy(d => d.Timestamp).ToDictionary(g => g.Key.Minute, g => g.Max(d => d.Counts!.Sum()));
        perInterval.Should().Equal(new Dictionary<int, double> { [0] = 1, [1] = 3, [2] = 3, [3] = 2 });
    }

    private sealed class BrokenSizer : IDatumSizer
    {
        public int RequestOverhead(string metricNamespace) => 64;

        public int DatumSize(MetricDatum datum, int memberIndex) => throw new InvalidOperationException("sizer broke");
    }

    /// <summary>Gives one chunk a read, each <paramref name="step"/> later on <paramref name="clock"/> than the last, then ends.</summary>
    private sealed class ClockedInput(IEnumerable<byte[]> chunks, ManualClock clock, TimeSpan step) : IBlockingInput
    {
        private readonly Queue<byte[]> _chunks = new(chunks);

        public int Read(Span<byte> buffer, TimeSpan? timeout)
        {
            if (!_chunks.TryDequeue(out var chunk))
            {
                return 0;
            }

            clock.Advance(step);
            chunk.CopyTo(buffer);
            return chunk.Length;
        }

        public void Interrupt()
        {
        }
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
