using System.Text.Json;
using NeuronMetrics.Aggregation;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Filtering;
using NeuronMetrics.Input;
using NeuronMetrics.Mapping;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Pipeline;

/// <summary>
/// Runs the stages one way: input documents → parser → filter → mappers → aggregator; a timer
/// hands finished intervals to the batcher and the queue; the dispatcher sends on its own task,
/// so a slow sink never stalls reading.
/// </summary>
public sealed class MetricPipeline(PipelineStages stages, PipelineOptions options)
{
    /// <summary>How often the "values dropped" warning may repeat: a field of the wrong type recurs every report.</summary>
    private static readonly TimeSpan DroppedValuesWarningInterval = TimeSpan.FromMinutes(5);

    private readonly RepeatThrottle _droppedValuesWarning = new(stages.Log, stages.Clock, DroppedValuesWarningInterval);
    private volatile InstanceInfo _lastInstance = InstanceInfo.Unknown;

    /// <summary>The instance of the latest report (its region is the last resort for the CloudWatch endpoint).</summary>
    public InstanceInfo LastInstance => _lastInstance;

    /// <summary>
    /// Reads <paramref name="input"/> until end of input or <paramref name="stop"/> fires, then
    /// flushes everything within the shutdown timeout.
    /// </summary>
    public async Task RunAsync(Stream input, CancellationToken stop, int maxDocumentBytes = JsonDocumentFramer.DefaultMaxDocumentBytes)
    {
        using var sendCancel = new CancellationTokenSource();
        var dispatcher = new BatchDispatcher(stages.Queue, stages.Sink, stages.Statistics, stages.Log);
        var sending = Task.Run(() => dispatcher.RunAsync(sendCancel.Token), CancellationToken.None);

        using var timersCancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var flushing = FlushLoopAsync(timersCancel.Token);
        var stats = StatsLoopAsync(timersCancel.Token);

        try
        {
            // The framer stops waiting for a pending stdin read when stop fires (pipe reads ignore cancellation on
            // Unix), so SIGTERM is honoured while neuron-monitor keeps the pipe open but silent.
            await ReadAsync(input, maxDocumentBytes, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            stages.Log.Write(LogLevel.Info, "stopping: flushing buffered data");
        }
        finally
        {
            await timersCancel.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(flushing, stats).ConfigureAwait(false);
        }

        Flush(all: true);
        stages.Queue.Complete();
        await DrainAsync(sending, sendCancel).ConfigureAwait(false);
    }

    private async Task ReadAsync(Stream input, int maxDocumentBytes, CancellationToken stop)
    {
        using var framer = new JsonDocumentFramer(input, maxDocumentBytes);
        var report = new NeuronReport();
        var selected = new List<SelectedGroup>();
        var samples = new List<MetricSample>();
        // Checking stop as well: documents already buffered are returned without waiting, so a fast input would
        // otherwise keep the loop going after a signal.
        while (await framer.ReadNextAsync(stop).ConfigureAwait(false) is { } document && !stop.IsCancellationRequested)
        {
            if (document.IsRejected)
            {
                Reject(document.StartLine, document.Error!);
                continue;
            }

            var result = stages.Parser.Parse(document.Json, report);
            if (!result.IsOk)
            {
                Reject(document.StartLine + result.LineOffset, result.Error!);
                continue;
            }

            if (stages.Instances is { } instances)
            {
                report.Instance = instances.Complete(report.Instance);
            }

            selected.Clear();
            samples.Clear();
            stages.Filter.Select(report, selected);
            long droppedBefore = stages.Statistics.ValuesDropped;
            if (!TryMap(document, report, selected, samples))
            {
                continue;
            }

            if (stages.Statistics.ValuesDropped - droppedBefore is > 0 and var dropped)
            {
                _droppedValuesWarning.Write(LogLevel.Warning, "values-dropped", $"line {document.StartLine}: {dropped} value(s) dropped (wrong type, not finite or out of range); the rest of the report is kept");
            }

            stages.Statistics.AddReportRead();
            _lastInstance = report.Instance;
            stages.Statistics.AddSamples(samples.Count);
            stages.Aggregator.Add(samples);
            if (stages.Aggregator.HasSealedIntervals)
            {
                stages.Statistics.AddEarlyFlush();
                Flush(all: false); // input faster than real time filled an interval: send it now rather than hold it
            }
        }
    }

    /// <summary>
    /// Maps the selected groups. The parser leaves their nested values to the mappers, so invalid
    /// JSON there surfaces here: the report is then rejected as a parse failure would have been.
    /// </summary>
    private bool TryMap(FramedDocument document, NeuronReport report, List<SelectedGroup> selected, List<MetricSample> samples)
    {
        try
        {
            stages.Mapper.Map(report, selected, stages.Clock.GetUtcNow(), samples);
            return true;
        }
        catch (JsonException ex)
        {
            samples.Clear();
            var result = NeuronReportParser.Validate(document.Json);
            Reject(document.StartLine + result.LineOffset, result.Error ?? "invalid JSON: " + ex.Message);
            return false;
        }
    }

    private void Reject(long line, string reason)
    {
        stages.Statistics.AddDocumentRejected();
        stages.Log.Write(LogLevel.Warning, $"line {line}: {reason}; skipped");
    }

    private async Task FlushLoopAsync(CancellationToken cancellationToken)
    {
        var tick = options.FlushInterval < TimeSpan.FromSeconds(1) ? options.FlushInterval : TimeSpan.FromSeconds(1);
        using var timer = new PeriodicTimer(tick, stages.Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                Flush(all: false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task StatsLoopAsync(CancellationToken cancellationToken)
    {
        if (options.StatsInterval is not { } interval)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, stages.Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                stages.Log.Write(LogLevel.Info, StatisticsLine.Format("stats", stages.Statistics, stages.Queue.PendingDatums));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Flush(bool all)
    {
        var datums = new List<PartitionedDatum>();
        if (all)
        {
            stages.Aggregator.FlushAll(datums);
        }
        else
        {
            stages.Aggregator.FlushCompleted(stages.Clock.GetUtcNow(), datums);
        }

        if (datums.Count == 0)
        {
            return;
        }

        stages.Statistics.AddDatums(datums.Count);
        foreach (var batch in stages.Batcher.Batch(datums))
        {
            stages.Queue.Enqueue(batch);
        }
    }

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
        stages.Log.Write(LogLevel.Error, $"shutdown timeout ({options.ShutdownTimeout.TotalSeconds:0.###} s): {stages.Statistics.DatumsDropped} datums not delivered");
    }
}
