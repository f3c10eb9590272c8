namespace NeuronMetrics.Sinks;

/// <summary>One EMF document to write: metrics sharing dimensions and timestamp, each name once.</summary>
internal sealed record EmfDocument(IReadOnlyList<EmfMetric> Metrics);
