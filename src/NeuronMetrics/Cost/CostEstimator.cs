namespace NeuronMetrics.Cost;

/// <summary>Turns what a configuration sends into a monthly price for a fleet.</summary>
public sealed class CostEstimator(CloudWatchPriceList prices)
{
    private const double SecondsPerMonth = CloudWatchPriceList.HoursPerMonth * 3600;

    public CostEstimate Estimate(CostInputs inputs, int instances)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(instances);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(inputs.Interval, TimeSpan.Zero);
        long metrics = (inputs.MetricsPerInstance * instances) + (instances > 0 ? inputs.SharedMetrics : 0);
        double requests = inputs.RequestsPerInterval * (SecondsPerMonth / inputs.Interval.TotalSeconds) * instances;
        return new CostEstimate(instances, metrics, requests, prices.MetricsPrice(metrics), prices.RequestsPrice(requests));
    }
}
