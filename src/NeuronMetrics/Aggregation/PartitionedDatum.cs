using NeuronMetrics.Model;

namespace NeuronMetrics.Aggregation;

/// <summary>A finished datum with the partition (instance) whose requests it goes into.</summary>
public readonly record struct PartitionedDatum(string Partition, MetricDatum Datum);
