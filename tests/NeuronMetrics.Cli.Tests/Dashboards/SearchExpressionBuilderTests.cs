using NeuronMetrics.Cli.Dashboards;
using NeuronMetrics.Mapping;

namespace NeuronMetrics.Cli.Tests.Dashboards;

public sealed class SearchExpressionBuilderTests
{
    [Fact]
    public void Search_DimensionNameWithSpace_IsDoubleQuoted()
    {
        var metric = new PlannedMetric(MetricCatalog.NeuronCoreUtilizationAverage, ["InstanceId", "Cost Center"], CoreInName: false);

        SearchExpressionBuilder.Search("Neuron", metric, "Average", 60)
            .Should().Be("SEARCH('{Neuron,InstanceId,\"Cost Center\"} MetricName=\"NeuronCoreUtilizationAverage\"', 'Average', 60)");
    }

    [Theory]
    [InlineData("Team's")]
    [InlineData("Say \"hi\"")]
    public void Search_DimensionNameWithQuote_Throws(string name)
    {
        var metric = new PlannedMetric(MetricCatalog.NeuronCoreUtilizationAverage, ["InstanceId", name], CoreInName: false);

        var act = () => SearchExpressionBuilder.Search("Neuron", metric, "Average", 60);

        act.Should().Throw<ArgumentException>().WithMessage("*quote*");
    }
}
