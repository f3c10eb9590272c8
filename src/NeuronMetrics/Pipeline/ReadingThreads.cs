using NeuronMetrics.Input;

namespace NeuronMetrics.Pipeline;

/// <summary>
/// Reads an <see cref="IBlockingInput"/> on two threads of its own, one stage each, so a replay takes as long as the
/// slower stage rather than both: the reading thread reads, frames, parses, filters and maps, and keeps the flush and
/// stats schedule between reads; the aggregating thread adds the samples to the aggregator and does the flushes
/// (batcher, queue), in the order the reading thread handed them over (<see cref="SampleHandOff"/>). At the end (input
/// ended, stop, or a failure on either thread) everything handed over is added and flushed, and the queue completed.
/// </summary>
internal sealed class ReadingThreads(PipelineStages stages, PipelineOptions options, IntervalFlusher flusher, Action logStopping)
{
    public Task RunAsync(IBlockingInput input, int maxDocumentBytes, CancellationToken stop)
    {
        var handOff = new SampleHandOff();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Exception? readFailure = null;
        var reading = new Thread(() => readFailure = Read(input, handOff, maxDocumentBytes, stop))
        {
            Name = "neuron-cw input",
            IsBackground = true,
        };
        var aggregating = new Thread(() =>
        {
            var failure = Aggregate(handOff, input);
            reading.Join(); // after a failure here, the reading thread has been told to stop
            failure ??= readFailure;
            try
            {
                // Here rather than after the hand-off back: at end of input the last interval reaches the sink one thread switch sooner.
                flusher.Flush(all: true);
                stages.Queue.Complete();
            }
            catch (Exception ex)
            {
                failure ??= ex; // never unhandled on this thread: the run reports it as a failed read would be
            }

            if (failure is null)
            {
                done.SetResult();
            }
            else
            {
                done.SetException(failure);
            }
        })
        {
            Name = "neuron-cw aggregate",
            IsBackground = true,
        };
        aggregating.Start();
        reading.Start();
        return done.Task;
    }

    /// <summary>The reading thread: returns what made it fail, if anything did; the hand-off is completed either way.</summary>
    private Exception? Read(IBlockingInput input, SampleHandOff handOff, int maxDocumentBytes, CancellationToken stop)
    {
        try
        {
            using var wake = stop.Register(input.Interrupt);
            // A flush emits the intervals ended by then, and the aggregating thread flushes sealed ones itself: with the
            // clock still in the interval of the last flush handed over, one would emit nothing, and is not worth waking
            // that thread for (live, the schedule asks for one after every report).
            long flushedTo = IntervalStart(stages.Clock.GetUtcNow());
            void Flush()
            {
                var now = stages.Clock.GetUtcNow();
                if (IntervalStart(now) != flushedTo)
                {
                    flushedTo = IntervalStart(now);
                    handOff.Post(HandOffKind.Flush, now); // what ended by now, as the reading thread saw it: not what ended by the time it is taken
                }
            }

            var schedule = new ReadingThreadSchedule(stages.Clock, options, Flush, () => handOff.Post(HandOffKind.Stats));
            using var stream = new BlockingInputStream(input, schedule, stop);
            using var framer = new JsonDocumentFramer(stream, maxDocumentBytes);

            // Checking stop as well: documents already buffered are returned without waiting, so a fast input would
            // otherwise keep the loop going after a signal.
            while (Next(framer, stop) is { } document && !stop.IsCancellationRequested)
            {
                stages.Reader.Process(document, stages.Clock.GetUtcNow(), handOff);
            }

            stages.Reader.Complete();
            if (stop.IsCancellationRequested)
            {
                logStopping(); // stopped between documents rather than in a wait for input
            }

            return null;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            logStopping();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
        finally
        {
            handOff.Complete();
        }
    }

    /// <summary>The start of the aggregator's interval <paramref name="time"/> is in.</summary>
    private long IntervalStart(DateTimeOffset time)
    {
        long ticks = time.UtcTicks;
        return ticks - (ticks % stages.Aggregator.Interval.Ticks);
    }

    /// <summary>The framer's next document, read synchronously (its input never makes it wait asynchronously), without allocating.</summary>
    private static FramedDocument? Next(JsonDocumentFramer framer, CancellationToken stop)
    {
        var next = framer.ReadNextAsync(stop);
        return next.IsCompleted ? next.Result : next.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The aggregating thread: takes until the reading thread completes the hand-off; returns what made it fail, if anything did.</summary>
    private Exception? Aggregate(SampleHandOff handOff, IBlockingInput input)
    {
        try
        {
            while (handOff.Take(out var samples, out var at) is var kind && kind != HandOffKind.End)
            {
                if (kind == HandOffKind.Samples)
                {
                    stages.Aggregator.Add(samples);
                    handOff.Release();
                    flusher.FlushIfSealed(); // input faster than real time filled an interval: send it now rather than hold it
                    continue;
                }

                handOff.Release();
                if (kind == HandOffKind.Flush)
                {
                    flusher.Flush(at);
                }
                else
                {
                    flusher.WriteStats();
                }
            }

            return null;
        }
        catch (Exception ex)
        {
            // Nothing more can be aggregated: the reading thread stops, at its next hand-over or its wait for input.
            handOff.Fail();
            input.Interrupt();
            return ex;
        }
    }
}
