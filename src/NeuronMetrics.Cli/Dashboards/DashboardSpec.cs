using NeuronMetrics.Mapping;

namespace NeuronMetrics.Cli.Dashboards;

/// <summary>What a dashboard shows: the metrics a run sends, where, and the texts of its header.</summary>
/// <param name="Namespace">The run's namespace.</param>
/// <param name="Region">The region the widgets read from.</param>
/// <param name="PeriodSeconds">The period of every graph (<see cref="SentMetricSource.PeriodSeconds"/>).</param>
/// <param name="Metrics">What the run sends (<see cref="SentMetricSource.Plan"/>).</param>
/// <param name="Options">The run options in words, for the header.</param>
/// <param name="CostEstimate">The output of <c>neuron-cw cost</c> for one instance, or null when not asked for.</param>
internal sealed record DashboardSpec(string Namespace, string Region, int PeriodSeconds, IReadOnlyList<PlannedMetric> Metrics, string Options, string? CostEstimate);
