namespace NeuronMetrics.Model;

/// <summary>One CloudWatch dimension (name/value pair).</summary>
public readonly record struct Dimension(string Name, string Value);
