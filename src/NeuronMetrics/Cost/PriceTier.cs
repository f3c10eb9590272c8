namespace NeuronMetrics.Cost;

/// <summary>A metric price tier: the next <see cref="Metrics"/> metrics (null: all the rest) cost <see cref="PricePerMetricMonth"/> each.</summary>
public readonly record struct PriceTier(long? Metrics, decimal PricePerMetricMonth);
