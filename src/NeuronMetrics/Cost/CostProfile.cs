namespace NeuronMetrics.Cost;

/// <summary>What one flush interval of a sample produces: distinct metrics, datums and requests.</summary>
/// <param name="Instances">Instances (batching partitions) seen in the sample.</param>
/// <param name="ReportsPerInterval">Reports replayed into the interval (flush interval / report period).</param>
/// <param name="MetricNames">Distinct metric names, for the listing.</param>
public sealed record CostProfile(
    int Instances,
    int ReportsPerInterval,
    long MetricsPerInstance,
    long SharedMetrics,
    int DatumsPerInterval,
    int RequestsPerInterval,
    IReadOnlyList<string> MetricNames);
