namespace NeuronMetrics.Reports;

/// <summary>
/// One metric group of a report ("neuroncore_counters", "memory_info", ...), kept as the raw JSON
/// of its object so that only the groups a mapper needs are ever read in detail.
/// </summary>
public readonly record struct GroupSection(string Type, ReadOnlyMemory<byte> Json, string? Error);
