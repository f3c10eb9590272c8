namespace NeuronMetrics.Cost;

/// <summary>
/// CloudWatch prices that decide what this tool costs: custom metrics per month (tiered across the
/// account) and PutMetricData requests. Defaults are the us-east-1 list prices; every figure can be overridden.
/// </summary>
public sealed record CloudWatchPriceList
{
    /// <summary>Hours in a billing month, as AWS prices metrics (730 h).</summary>
    public const double HoursPerMonth = 730;

    public static CloudWatchPriceList Default { get; } = new();

    /// <summary>$0.30 the first 10,000 metrics, $0.10 the next 240,000, $0.05 the next 750,000, $0.02 beyond.</summary>
    public IReadOnlyList<PriceTier> MetricTiers { get; init; } =
    [
        new(10_000, 0.30m),
        new(240_000, 0.10m),
        new(750_000, 0.05m),
        new(null, 0.02m),
    ];

    /// <summary>Price of 1,000 PutMetricData requests.</summary>
    public decimal PricePer1000Requests { get; init; } = 0.01m;

    /// <summary>Monthly price of <paramref name="metrics"/> custom metrics, filling the tiers in order.</summary>
    public decimal MetricsPrice(long metrics)
    {
        decimal total = 0;
        long left = metrics;
        foreach (var tier in MetricTiers)
        {
            if (left <= 0)
            {
                break;
            }

            long inTier = tier.Metrics is { } size ? Math.Min(size, left) : left;
            total += inTier * tier.PricePerMetricMonth;
            left -= inTier;
        }

        return total;
    }

    public decimal RequestsPrice(double requests) => (decimal)requests / 1000m * PricePer1000Requests;
}
