using NeuronMetrics.Mapping;

namespace NeuronMetrics.Tests.Mapping;

public sealed class MetricSelectionTests
{
    private static IEnumerable<string> Names(MetricSelection selection) => selection.Enabled.Select(d => d.Name);

    [Fact]
    public void Default_EveryMetricThatIsNotOptIn()
    {
        Names(MetricSelection.Default).Should().Equal(MetricCatalog.All.Where(d => !d.OptIn).Select(d => d.Name));
        Names(MetricSelection.Default).Should().Contain("NeuronCoreUtilization").And.NotContain("NeuronCoreFlops").And.NotContain("NeuronCoreUtilizationAverage");
    }

    [Fact]
    public void Create_Globs_ExactlyTheMatchesOptInIncluded()
    {
        var selection = MetricSelection.Create(["NeuronCore*", "execution??tencyP5?"], instanceAverage: false);

        Names(selection).Should().Equal(
            "NeuronCoreUtilization", "NeuronCoreUtilizationAverage", "NeuronCoreFlops", "NeuronCoreEffectiveFlops", "NeuronCoreMemoryUsed", "ExecutionLatencyP50");
    }

    [Fact]
    public void Create_InstanceAverage_AddsTheAverage()
    {
        Names(MetricSelection.Create(["NeuronCoreUtilization"], instanceAverage: true)).Should().Equal("NeuronCoreUtilization", "NeuronCoreUtilizationAverage");
        Names(MetricSelection.Create(null, instanceAverage: true)).Should().Contain("NeuronCoreUtilizationAverage");
    }

    [Theory]
    [InlineData("Bogus")]
    [InlineData("NeuronCoreUtilizationNC0")]
    [InlineData("*Foo*")]
    [InlineData("NeuronCore")]
    public void Create_PatternMatchingNothing_Throws(string pattern)
    {
        var act = () => MetricSelection.Create(["NeuronCoreUtilization", pattern], false);

        act.Should().Throw<ArgumentException>().WithMessage($"'{pattern}' matches no metric*");
    }

    [Theory]
    [InlineData("*", "Anything", true)]
    [InlineData("A*B*C", "AxxBxxC", true)]
    [InlineData("A*B*C", "AxxBxx", false)]
    [InlineData("a?c", "ABC", true)]
    [InlineData("a?c", "AC", false)]
    [InlineData("**x", "x", true)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    public void GlobMatches_WholeNameCaseInsensitive(string pattern, string name, bool expected)
    {
        MetricSelection.GlobMatches(pattern, name).Should().Be(expected);
    }
}
