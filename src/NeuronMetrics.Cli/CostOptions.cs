using NeuronMetrics.Cost;

namespace NeuronMetrics.Cli;

/// <summary>The validated options of <c>neuron-cw cost</c> (the run options come in <see cref="CliOptions"/>).</summary>
internal sealed record CostOptions
{
    public string? InputPath { get; init; }

    public InstanceShape? InstanceShape { get; init; }

    public int Instances { get; init; } = 1;

    /// <summary>How often neuron-monitor reports; null: the config's period, else neuron-monitor's default.</summary>
    public TimeSpan? ReportPeriod { get; init; }

    public CloudWatchPriceList Prices { get; init; } = CloudWatchPriceList.Default;
}
