namespace NeuronMetrics.Mapping;

/// <summary>A report field (UTF-8 name) and the metric its number becomes.</summary>
public readonly record struct FieldMetric(byte[] Field, MetricDefinition Metric);
