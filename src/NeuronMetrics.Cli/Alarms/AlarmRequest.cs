using NeuronMetrics.Mapping;
using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Cli.Alarms;

/// <summary>What the alarms of one instance are made from: the run's plan and namespace, the instance, and the alarm options.</summary>
internal sealed record AlarmRequest
{
    public required string Namespace { get; init; }

    /// <summary>What a run with the same options sends (<see cref="SentMetricSource.Plan"/>).</summary>
    public required IReadOnlyList<PlannedMetric> Metrics { get; init; }

    /// <summary>The instance (its id at least).</summary>
    public required InstanceInfo Instance { get; init; }

    /// <summary>--dimension values that are not the instance's own.</summary>
    public IReadOnlyList<Dimension> StaticDimensions { get; init; } = [];

    /// <summary>The graph period (<see cref="SentMetricSource.PeriodSeconds"/>).</summary>
    public required int BasePeriodSeconds { get; init; }

    public double IdleBelowPercent { get; init; } = CliDefaults.IdleBelowPercent;

    public TimeSpan IdleFor { get; init; } = CliDefaults.IdleFor;

    public TimeSpan StoppedFor { get; init; } = CliDefaults.StoppedFor;

    public IReadOnlyList<string> Actions { get; init; } = [];

    public string NamePrefix { get; init; } = CliDefaults.AlarmNamePrefix;
}
