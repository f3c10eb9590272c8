namespace NeuronMetrics.Model;

/// <summary>
/// The datums of one PutMetricData request: one namespace, one instance (<see cref="Partition"/>),
/// already within the request limits.
/// </summary>
public sealed record MetricBatch(string Namespace, string Partition, IReadOnlyList<MetricDatum> Data);
