namespace NeuronMetrics.Pipeline;

/// <summary>Run settings of <see cref="MetricPipeline"/> that are not stages themselves.</summary>
public sealed record PipelineOptions
{
    /// <summary>How often finished intervals are handed to the batcher.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the end-of-input or signal flush may take before what is left is dropped.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a stats line is logged while running (null: only at exit).</summary>
    public TimeSpan? StatsInterval { get; init; } = TimeSpan.FromMinutes(5);
}
