namespace NeuronMetrics.Cost;

/// <summary>A monthly CloudWatch bill for a number of instances.</summary>
public sealed record CostEstimate(
    int Instances,
    long Metrics,
    double RequestsPerMonth,
    decimal MetricsPrice,
    decimal RequestsPrice)
{
    public decimal Total => MetricsPrice + RequestsPrice;

    public decimal PerInstance => Instances == 0 ? 0 : Total / Instances;
}
