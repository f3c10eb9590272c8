namespace NeuronMetrics.Cost;

/// <summary>
/// What a configuration sends, per instance and per flush interval: the basis of a monthly estimate.
/// </summary>
/// <param name="MetricsPerInstance">Distinct custom metrics one instance creates (metrics carrying InstanceId).</param>
/// <param name="SharedMetrics">Metrics every instance writes to in common (no instance-specific dimension): counted once.</param>
/// <param name="RequestsPerInterval">PutMetricData requests one instance makes per flush interval.</param>
/// <param name="Interval">The flush interval.</param>
public sealed record CostInputs(long MetricsPerInstance, long SharedMetrics, int RequestsPerInterval, TimeSpan Interval);
