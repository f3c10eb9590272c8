using NeuronMetrics.Aggregation;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Cli;

/// <summary>The validated command line of a run.</summary>
internal sealed record CliOptions
{
    /// <summary>
    /// Default --max-buffered-datums: at least 30 minutes of outage on the largest instance, with room to spare.
    /// Measured with `neuron-cw cost` on samples/trn1.32xlarge-two-runtimes.jsonl (2 runtimes, 32 NeuronCores,
    /// 128 vCPUs, 16 devices) and every group enabled: 111 metrics, so 111 datums a minute at the 60 s flush
    /// (122 with RuntimeTag as a dimension). 30 minutes = 3,330 datums; 50,000 ≈ 7.5 hours. Even if every numeric
    /// field of that report became a series (1,248), 50,000 datums would still be 40 minutes. Memory is bounded
    /// separately (<see cref="DefaultMaxBufferBytes"/>).
    /// (--aggregation none is one datum per sample: 60× more at a 1 s period.)
    /// </summary>
    public const int DefaultMaxBufferedDatums = 50_000;

    /// <summary>
    /// Default --max-buffer-bytes: the memory bound of the send buffer whatever the datums hold. By the estimate
    /// (DatumFootprint) a one-value datum is ~0.5 KB, one of 60 distinct values ~1.6 KB, of 150 ~3 KB: 64 MiB holds
    /// the 50,000 datums above when they are small, ~42,000 of 60 values, ~22,000 of 150.
    /// </summary>
    public const long DefaultMaxBufferBytes = 64L * 1024 * 1024;

    /// <summary>Default --stats-interval: often enough to see an outage in the journal, rare enough not to flood it.</summary>
    public static readonly TimeSpan DefaultStatsInterval = TimeSpan.FromMinutes(5);

    public string? ConfigPath { get; init; }

    public string Namespace { get; init; } = "Neuron";

    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(60);

    public AggregationMode Aggregation { get; init; } = AggregationMode.Values;

    public bool DryRun { get; init; }

    public string? Region { get; init; }

    public string? EndpointUrl { get; init; }

    public string? Profile { get; init; }

    public LogLevel LogLevel { get; init; } = LogLevel.Info;

    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxBufferedDatums { get; init; } = DefaultMaxBufferedDatums;

    public long MaxBufferBytes { get; init; } = DefaultMaxBufferBytes;

    public TimeSpan ConnectTimeout { get; init; } = CloudWatch.CloudWatchSinkOptions.DefaultConnectTimeout;

    public TimeSpan ReadTimeout { get; init; } = CloudWatch.CloudWatchSinkOptions.DefaultReadTimeout;

    public TimeSpan AuthFailureTimeout { get; init; } = CloudWatch.CloudWatchSinkOptions.DefaultAuthFailureTimeout;

    public OutputKind Output { get; init; } = OutputKind.CloudWatch;

    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    /// <summary>Null: no periodic stats line, only the one at exit.</summary>
    public TimeSpan? StatsInterval { get; init; } = DefaultStatsInterval;

    public int MaxDocumentBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>--metrics patterns; null: the default selection.</summary>
    public IReadOnlyList<string>? Metrics { get; init; }

    public NamingStyle Naming { get; init; } = NamingStyle.Dimensional;

    public IReadOnlyList<string> Dimensions { get; init; } = [DimensionNames.InstanceId];

    public IReadOnlyList<Dimension> StaticDimensions { get; init; } = [];

    public bool InstanceAverage { get; init; }

    /// <summary>1 (high resolution) or 60.</summary>
    public int StorageResolution { get; init; } = 60;
}
