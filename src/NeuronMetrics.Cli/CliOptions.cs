using NeuronMetrics.Aggregation;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Cli;

/// <summary>The validated command line of a run; every default comes from <see cref="CliDefaults"/>.</summary>
internal sealed record CliOptions
{
    public string? ConfigPath { get; init; }

    public string Namespace { get; init; } = CliDefaults.Namespace;

    public TimeSpan FlushInterval { get; init; } = CliDefaults.FlushInterval;

    public AggregationMode Aggregation { get; init; } = CliDefaults.Aggregation;

    public bool DryRun { get; init; }

    public string? Region { get; init; }

    public string? EndpointUrl { get; init; }

    public string? Profile { get; init; }

    public LogLevel LogLevel { get; init; } = CliDefaults.LogLevel;

    public TimeSpan ShutdownTimeout { get; init; } = CliDefaults.ShutdownTimeout;

    public int MaxBufferedDatums { get; init; } = CliDefaults.MaxBufferedDatums;

    public long MaxBufferBytes { get; init; } = CliDefaults.MaxBufferBytes;

    public TimeSpan ConnectTimeout { get; init; } = CliDefaults.ConnectTimeout;

    public TimeSpan ReadTimeout { get; init; } = CliDefaults.ReadTimeout;

    public TimeSpan AuthFailureTimeout { get; init; } = CliDefaults.AuthFailureTimeout;

    public OutputKind Output { get; init; } = CliDefaults.Output;

    public LogFormat LogFormat { get; init; } = CliDefaults.LogFormat;

    /// <summary>Null: no periodic stats line, only the one at exit.</summary>
    public TimeSpan? StatsInterval { get; init; } = CliDefaults.StatsInterval;

    public int MaxDocumentBytes { get; init; } = CliDefaults.MaxDocumentBytes;

    /// <summary>--metrics patterns; null: the default selection.</summary>
    public IReadOnlyList<string>? Metrics { get; init; }

    public NamingStyle Naming { get; init; } = CliDefaults.Naming;

    public IReadOnlyList<string> Dimensions { get; init; } = CliDefaults.Dimensions;

    /// <summary>--dimension Key=Value other than the instance's own (InstanceId, InstanceType, AvailabilityZone).</summary>
    public IReadOnlyList<Dimension> StaticDimensions { get; init; } = [];

    /// <summary>--dimension InstanceId=…, InstanceType=…, AvailabilityZone=…: fixed values of the instance's own dimensions.</summary>
    public IReadOnlyList<Dimension> InstanceDimensions { get; init; } = [];

    public bool InstanceAverage { get; init; }

    /// <summary>1 (high resolution) or 60.</summary>
    public int StorageResolution { get; init; } = CliDefaults.StorageResolution;

    /// <summary>How long to wait for instance metadata (IMDS); null: never ask it.</summary>
    public TimeSpan? ImdsTimeout { get; init; } = CliDefaults.ImdsTimeout;

    /// <summary>--run-monitor: the neuron-monitor to start and read instead of stdin; null: read stdin.</summary>
    public string? MonitorPath { get; init; }
}
