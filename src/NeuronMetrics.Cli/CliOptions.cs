using NeuronMetrics.Aggregation;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Cli;

/// <summary>The validated command line of a run.</summary>
internal sealed record CliOptions
{
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

    public int MaxBufferedDatums { get; init; } = 50_000;

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
