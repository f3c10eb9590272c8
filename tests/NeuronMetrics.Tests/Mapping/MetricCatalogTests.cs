using System.Reflection;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Tests.Mapping;

public sealed class MetricCatalogTests
{
    [Fact]
    public void All_IdsAreIndexesAndNamesUnique()
    {
        MetricCatalog.All.Select(d => d.Id).Should().Equal(Enumerable.Range(0, MetricCatalog.All.Count));
        MetricCatalog.All.Select(d => d.Name).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void All_EveryMetricNameConstantIsInTheCatalog()
    {
        var constants = typeof(MetricNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(MetricNames.LegacyCoreSuffix))
            .Select(f => (string)f.GetRawConstantValue()!);

        MetricCatalog.All.Select(d => d.Name).Should().BeEquivalentTo(constants);
    }

    [Fact]
    public void All_EveryGroupHasAMapperAndEveryMetricAKnownGroupAndUnit()
    {
        var mapped = GroupMappers.All().Select(m => m.GroupType).ToList();
        string[] units = [MetricUnit.Percent, MetricUnit.Count, MetricUnit.Bytes, MetricUnit.Seconds, MetricUnit.CountPerSecond];

        MetricCatalog.All.Should().AllSatisfy(d =>
        {
            mapped.Should().Contain(d.GroupType);
            units.Should().Contain(d.Unit);
            d.Description.Should().NotBeNullOrWhiteSpace();
        });
        mapped.Should().BeEquivalentTo(GroupTypeNames.RuntimeGroups.Concat(GroupTypeNames.SystemGroups).Where(g => g != GroupTypeNames.InferenceStats));
    }

    [Fact]
    public void ToMarkdownTable_OneRowPerMetric()
    {
        string[] lines = MetricCatalog.ToMarkdownTable().TrimEnd().Split('\n');

        lines.Should().HaveCount(MetricCatalog.All.Count + 2);
        lines[0].Should().StartWith("| Metric | Unit | Group | One per | Default |");
        lines[2].Should().StartWith("| `NeuronCoreUtilization` | Percent | `neuroncore_counters` | NeuronCore | yes |");
    }

    [Fact]
    public void ForGroup_InferenceStats_IsExecutionStats()
    {
        MetricCatalog.ForGroup("inference_stats").Select(d => d.Name).Should().Contain("ExecutionsCompleted").And.HaveCount(7);
    }

    [Fact]
    public void ToMarkdownTable_Readme_CarriesTheCurrentTable()
    {
        string readme = File.ReadAllText(RepositoryFiles.At("README.md")).ReplaceLineEndings("\n");

        readme.Should().Contain(MetricCatalog.ToMarkdownTable().ReplaceLineEndings("\n"), "the README's metric table is generated from the catalog");
    }
}
