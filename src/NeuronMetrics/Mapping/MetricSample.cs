namespace NeuronMetrics.Mapping;

/// <summary>One value of one metric, as read from one report.</summary>
public readonly record struct MetricSample(MetricKey Key, double Value, DateTimeOffset Timestamp);
