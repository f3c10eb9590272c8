using NeuronMetrics.Model;

namespace NeuronMetrics.Cli.Alarms;

/// <summary>
/// One PutMetricAlarm call. On one metric (<see cref="MetricName"/>, <see cref="Dimensions"/>, <see cref="Statistic"/>)
/// when every dimension value is known, else on a Metrics Insights query (<see cref="Query"/>) over the metric's exact
/// namespace and dimension names, filtered by the values that are known (the instance id).
/// </summary>
internal sealed record AlarmSpec
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<string> Actions { get; init; }

    public required string Namespace { get; init; }

    public required string MetricName { get; init; }

    /// <summary>Null for a query alarm.</summary>
    public IReadOnlyList<Dimension>? Dimensions { get; init; }

    /// <summary>CloudWatch statistic (Average, Sum, SampleCount) of a metric alarm.</summary>
    public required string Statistic { get; init; }

    /// <summary>The Metrics Insights query of a query alarm, else null.</summary>
    public string? Query { get; init; }

    public required int PeriodSeconds { get; init; }

    public required int EvaluationPeriods { get; init; }

    public required int DatapointsToAlarm { get; init; }

    public required double Threshold { get; init; }

    /// <summary>LessThanThreshold or GreaterThanThreshold.</summary>
    public required string ComparisonOperator { get; init; }

    /// <summary>breaching, notBreaching.</summary>
    public required string TreatMissingData { get; init; }
}
