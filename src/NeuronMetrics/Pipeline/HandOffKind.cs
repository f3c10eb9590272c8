namespace NeuronMetrics.Pipeline;

/// <summary>What the reading thread hands the aggregating thread (<see cref="SampleHandOff"/>), in reading order.</summary>
internal enum HandOffKind
{
    /// <summary>The hand-off is completed and everything in it was taken.</summary>
    End,

    /// <summary>One report's samples, for the aggregator.</summary>
    Samples,

    /// <summary>A flush is due (the reading thread's schedule): after the samples before it, before those after it.</summary>
    Flush,

    /// <summary>The stats line is due.</summary>
    Stats,
}
