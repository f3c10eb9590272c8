using NeuronMetrics.Aggregation;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Input;
using NeuronMetrics.Reports;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Pipeline;

/// <summary>
/// Runs the stages one way: input documents → <see cref="ReportProcessor"/> (parser → filter →
/// mappers → aggregator); a timer hands finished intervals to the batcher and the queue (for an
/// <see cref="IBlockingInput"/>, <see cref="ReadingThreads"/> split that work over two threads); the dispatcher
/// sends on its own task, so a slow sink never stalls reading.
/// </summary>
public sealed class MetricPipeline(PipelineStages stages, PipelineOptions options)
{
    private readonly BatchDispatcher _dispatcher = new(stages.Queue, stages.Sink, stages.Statistics, stages.Log);
    private readonly IntervalFlusher _flusher = new(stages);

    /// <summary>The instance of the latest report (its region is the last resort for the CloudWatch endpoint).</summary>
    public InstanceInfo LastInstance => stages.Reader.LastInstance;

    /// <summary>Why the sink stopped the run early (<see cref="SinkFault.None"/> when it did not).</summary>
    public SinkFault Fault => _dispatcher.Fault;

    /// <summary>
    /// Reads <paramref name="input"/> until end of input or <paramref name="stop"/> fires, then
    /// flushes everything within the shutdown timeout.
    /// </summary>
    public Task RunAsync(Stream input, CancellationToken stop, int maxDocumentBytes = JsonDocumentFramer.DefaultMaxDocumentBytes) =>
        RunAsync(token => ReadWithTimersAsync(input, maxDocumentBytes, token), stop);

    /// <summary>
    /// As <see cref="RunAsync(Stream, CancellationToken, int)"/>, reading <paramref name="input"/> on a thread of its own
    /// that keeps the flush and stats schedule between reads (no timers), with the aggregator, its flushes and the stats
    /// line on a second thread (<see cref="ReadingThreads"/>).
    /// </summary>
    public Task RunAsync(IBlockingInput input, CancellationToken stop, int maxDocumentBytes = JsonDocumentFramer.DefaultMaxDocumentBytes) =>
        RunAsync(token => new ReadingThreads(stages, options, _flusher, LogStopping).RunAsync(input, maxDocumentBytes, token), stop);

    private async Task RunAsync(Func<CancellationToken, Task> read, CancellationToken stop)
    {
        using var sendCancel = new CancellationTokenSource();
        var sending = Task.Run(() => _dispatcher.RunAsync(sendCancel.Token), CancellationToken.None);

        // A sink that can deliver nothing more (stdout closed, credentials refused for too long) stops reading too.
        using var halt = CancellationTokenSource.CreateLinkedTokenSource(stop, _dispatcher.Halted);
        stop = halt.Token;
        try
        {
            try
            {
                await read(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                LogStopping();
            }
        }
        finally
        {
            // Also when reading failed: what was read is still flushed and delivered, and the dispatcher is done
            // with sendCancel before it is disposed. (The reading threads have done both already: then they do nothing.)
            _flusher.Flush(all: true);
            stages.Queue.Complete();
            await DrainAsync(sending, sendCancel).ConfigureAwait(false);
        }
    }

    private async Task ReadWithTimersAsync(Stream input, int maxDocumentBytes, CancellationToken stop)
    {
        // The timers end by being disposed, not by a cancelled token: a cancelled wait throws, and an exception (with
        // its stack trace) at every end of input costs more than everything else done at exit.
        var tick = options.FlushInterval < TimeSpan.FromSeconds(1) ? options.FlushInterval : TimeSpan.FromSeconds(1);
        using var flushTimer = new PeriodicTimer(tick, stages.Clock);
        using var statsTimer = options.StatsInterval is { } interval ? new PeriodicTimer(interval, stages.Clock) : null;
        var flushing = TickAsync(flushTimer, () => _flusher.Flush(all: false));
        var stats = statsTimer is null ? Task.CompletedTask : TickAsync(statsTimer, _flusher.WriteStats);
        try
        {
            // The framer stops waiting for a pending stdin read when stop fires (pipe reads ignore cancellation on
            // Unix), so SIGTERM is honoured while neuron-monitor keeps the pipe open but silent.
            await ReadAsync(input, maxDocumentBytes, stop).ConfigureAwait(false);
        }
        finally
        {
            flushTimer.Dispose(); // a pending WaitForNextTickAsync returns false
            statsTimer?.Dispose();
            await Task.WhenAll(flushing, stats).ConfigureAwait(false);
        }
    }

    private async Task ReadAsync(Stream input, int maxDocumentBytes, CancellationToken stop)
    {
        using var framer = new JsonDocumentFramer(input, maxDocumentBytes);
        // Checking stop as well: documents already buffered are returned without waiting, so a fast input would
        // otherwise keep the loop going after a signal.
        while (await framer.ReadNextAsync(stop).ConfigureAwait(false) is { } document && !stop.IsCancellationRequested)
        {
            if (stages.Reader.Process(document, stages.Clock.GetUtcNow()))
            {
                _flusher.FlushIfSealed(); // input faster than real time filled an interval: send it now rather than hold it
            }
        }

        stages.Reader.Complete();
        if (stop.IsCancellationRequested)
        {
            LogStopping(); // stopped between documents rather than in a wait for input
        }
    }

    /// <summary>Runs <paramref name="action"/> at every tick until the timer is disposed.</summary>
    private static async Task TickAsync(PeriodicTimer timer, Action action)
    {
        while (await timer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            action();
        }
    }

    private void LogStopping() =>
        stages.Log.Write(LogLevel.Info, _dispatcher.Fault == SinkFault.None ? "stopping: flushing buffered data" : "stopping: nothing more can be delivered");

    private async Task DrainAsync(Task sending, CancellationTokenSource sendCancel)
    {
        try
        {
            await sending.WaitAsync(options.ShutdownTimeout, stages.Clock).ConfigureAwait(false);
            return;
        }
        catch (TimeoutException)
        {
        }

        await sendCancel.CancelAsync().ConfigureAwait(false);
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        int left = stages.Queue.Clear();
        stages.Statistics.AddDatumsDropped(left);
        stages.Log.Write(LogLevel.Error, $"shutdown timeout ({options.ShutdownTimeout.TotalSeconds:0.###} s): {stages.Statistics.DatumsDropped} datums not delivered, {stages.Statistics.DatumsInDoubt} in doubt (sent without an answer)");
    }
}
