using NeuronMetrics.Cost;

namespace NeuronMetrics.Tests.Cost;

public sealed class CostEstimatorTests
{
    private readonly CostEstimator _estimator = new(CloudWatchPriceList.Default);

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "0.30")]
    [InlineData(10_000, "3000")]
    [InlineData(10_001, "3000.10")]
    [InlineData(250_000, "27000")]          // 3000 + 240,000 × 0.10
    [InlineData(1_000_000, "64500")]        // 27000 + 750,000 × 0.05
    [InlineData(1_000_100, "64502")]        // + 100 × 0.02
    public void MetricsPrice_Tiers_FillInOrder(long metrics, string expected)
    {
        CloudWatchPriceList.Default.MetricsPrice(metrics).Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Estimate_OneInf1Instance_FourCoresEveryMinute()
    {
        // 4 utilization metrics, one request a minute: 43,800 requests a month.
        var estimate = _estimator.Estimate(new CostInputs(4, 0, 1, TimeSpan.FromSeconds(60)), instances: 1);

        estimate.Metrics.Should().Be(4);
        estimate.RequestsPerMonth.Should().BeApproximately(43_800, 1e-6);
        estimate.MetricsPrice.Should().Be(1.20m);
        estimate.RequestsPrice.Should().Be(0.438m);
        estimate.Total.Should().Be(1.638m);
    }

    [Fact]
    public void Estimate_AwsSampleStyle_OneRequestPerReportEveryFiveSeconds()
    {
        // 25 metrics, one request per 5 s report: 525,600 requests a month.
        var estimate = _estimator.Estimate(new CostInputs(25, 0, 1, TimeSpan.FromSeconds(5)), instances: 1);

        estimate.RequestsPerMonth.Should().BeApproximately(525_600, 1e-6);
        estimate.Total.Should().Be(7.50m + 5.256m);
    }

    [Fact]
    public void Estimate_Fleet_CrossesTiersAndCountsSharedMetricsOnce()
    {
        var estimate = _estimator.Estimate(new CostInputs(32, 2, 1, TimeSpan.FromSeconds(60)), instances: 500);

        estimate.Metrics.Should().Be(16_002);
        estimate.MetricsPrice.Should().Be(3000m + (6_002 * 0.10m));
        estimate.PerInstance.Should().Be(estimate.Total / 500);
    }

    [Fact]
    public void Estimate_NoInstances_IsFree()
    {
        _estimator.Estimate(new CostInputs(32, 2, 1, TimeSpan.FromSeconds(60)), instances: 0).Total.Should().Be(0);
    }
}
