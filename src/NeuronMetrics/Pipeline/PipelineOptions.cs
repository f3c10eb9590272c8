namespace NeuronMetrics.Pipeline;

/// <summary>Run settings of <see cref="MetricPipeline"/> that are not stages themselves.</summary>
public sealed record PipelineOptions
{
    public static readonly TimeSpan DefaultFlushInterval = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan DefaultStatsInterval = TimeSpan.FromMinutes(5);

    /// <summary>How often finished intervals are handed to the batcher.</summary>
    public TimeSpan FlushInterval { get; init; } = DefaultFlushInterval;

    /// <summary>How long the end-of-input or signal flush may take before what is left is dropped.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = DefaultShutdownTimeout;

    /// <summary>How often a stats line is logged while running (null: only at exit).</summary>
    public TimeSpan? StatsInterval { get; init; } = DefaultStatsInterval;
}
