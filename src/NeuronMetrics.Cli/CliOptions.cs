using NeuronMetrics.Aggregation;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Cli;

/// <summary>The validated command line of a run.</summary>
internal sealed record CliOptions
{
    /// <summary>
    /// Default --max-buffered-datums: at least 30 minutes of outage on the largest instance. A trn1.32xlarge
    /// report (samples/trn1.32xlarge-two-runtimes.jsonl: 2 runtimes, 32 NeuronCores, 128 vCPUs, 16 devices) has
    /// 1,248 numeric fields with every group enabled (per runtime: execution_stats 26, memory_used 86,
    /// neuron_runtime_vcpu_usage 2, neuroncore_counters 16; system: vcpu_usage 904 = 7 × 128 per-vCPU + 7 average
    /// + 1, neuron_hw_counters 80, memory_info 4). No mapper makes more than one series per field, and with
    /// --aggregation values or statistics each series is one datum per 60 s flush (≤ 60 samples at a 1 s period,
    /// under the 150 values of a datum). So at most 1,248 datums a minute: 30 minutes = 37,440 datums,
    /// 50,000 ≈ 40 minutes (hours with per-vCPU metrics off: ~344 datums a minute ≈ 2.4 hours). About 25 MB at
    /// ~500 bytes a datum. (--aggregation none is one datum per sample: 12× more at a 5 s period.)
    /// </summary>
    public const int DefaultMaxBufferedDatums = 50_000;

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
