namespace NeuronMetrics.Model;

/// <summary>
/// One entry of a PutMetricData request. Exactly one of <see cref="Value"/>,
/// <see cref="Values"/> (with <see cref="Counts"/>) or <see cref="StatisticValues"/> is set.
/// </summary>
public sealed record MetricDatum
{
    public required string MetricName { get; init; }

    public required IReadOnlyList<Dimension> Dimensions { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required string Unit { get; init; }

    public double? Value { get; init; }

    public IReadOnlyList<double>? Values { get; init; }

    /// <summary>Parallel to <see cref="Values"/>: how many samples had each value.</summary>
    public IReadOnlyList<double>? Counts { get; init; }

    public StatisticSet? StatisticValues { get; init; }

    /// <summary>60 (standard) or 1 (high resolution).</summary>
    public int StorageResolution { get; init; } = 60;
}
