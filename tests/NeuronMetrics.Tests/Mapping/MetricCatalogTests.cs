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
        string[] lines = MetricCatalogTable.ToMarkdown().TrimEnd().Split('\n');

        lines.Should().HaveCount(MetricCatalog.All.Count + 2);
        lines[0].Should().StartWith("| Metric | Unit | Group | One per | Default | Across runtimes |");
        lines[2].Should().StartWith("| `NeuronCoreUtilization` | Percent | `neuroncore_counters` | NeuronCore | yes | max |");
    }

    [Theory]
    [InlineData("NeuronCoreUtilization", AcrossRuntimes.Max)] // the process that uses the core; the others list it with 0
    [InlineData("PhysicalNeuronCoreUtilization", AcrossRuntimes.Max)]
    [InlineData("NeuronCoreFlops", AcrossRuntimes.Sum)]
    [InlineData("NeuronCoreEffectiveFlops", AcrossRuntimes.Sum)]
    [InlineData("NeuronCoreMemoryUsed", AcrossRuntimes.Sum)]
    [InlineData("NeuronRuntimeHostMemoryUsed", AcrossRuntimes.Sum)]
    [InlineData("NeuronRuntimeDeviceMemoryUsed", AcrossRuntimes.Sum)]
    [InlineData("NeuronRuntimeVcpuUser", AcrossRuntimes.Sum)]
    [InlineData("NeuronRuntimeVcpuSystem", AcrossRuntimes.Sum)]
    [InlineData("ExecutionsCompleted", AcrossRuntimes.Sum)]
    [InlineData("ExecutionErrors", AcrossRuntimes.Sum)]
    [InlineData("ExecutionErrorsByKind", AcrossRuntimes.Sum)]
    [InlineData("ExecutionsFailedToQueue", AcrossRuntimes.Sum)]
    [InlineData("ExecutionLatencyP0", AcrossRuntimes.Min)] // the fastest execution of any runtime: exact for all of them together
    [InlineData("ExecutionLatencyP50", AcrossRuntimes.Max)] // the worst runtime: an upper bound of the percentile of all executions
    [InlineData("DeviceLatencyP100", AcrossRuntimes.Max)] // the slowest execution of any runtime: exact
    [InlineData("NeuronCoreUtilizationAverage", AcrossRuntimes.NotApplicable)] // computed once per report from the per-core values
    [InlineData("SystemMemoryUsed", AcrossRuntimes.NotApplicable)]
    [InlineData("NeuronDeviceEccCorrected", AcrossRuntimes.NotApplicable)]
    public void All_CombineRuleAcrossRuntimes(string name, AcrossRuntimes rule)
    {
        MetricCatalog.All.Single(d => d.Name == name).Merge.Should().Be(rule);
    }

    [Fact]
    public void All_EveryRuntimeGroupMetricHasARuleAndNoSystemMetricHasOne()
    {
        MetricCatalog.All.Where(d => GroupTypeNames.SystemGroups.Contains(d.GroupType)).Should().OnlyContain(d => d.Merge == AcrossRuntimes.NotApplicable);
        MetricCatalog.All.Where(d => d.Scope != MetricScope.Instance && GroupTypeNames.RuntimeGroups.Contains(d.GroupType))
            .Should().OnlyContain(d => d.Merge != AcrossRuntimes.NotApplicable);
    }

    [Fact]
    public void All_NewMetricsAreOptIn_DefaultsUnchanged()
    {
        MetricCatalog.All.Where(d => !d.OptIn).Select(d => d.Name).Should().Equal(
            "NeuronCoreUtilization", "NeuronRuntimeHostMemoryUsed", "NeuronRuntimeDeviceMemoryUsed", "NeuronCoreMemoryUsed",
            "NeuronRuntimeVcpuUser", "NeuronRuntimeVcpuSystem", "ExecutionsCompleted", "ExecutionErrors", "ExecutionsTimedOut",
            "ExecutionLatencyP50", "ExecutionLatencyP99", "DeviceLatencyP50", "DeviceLatencyP99",
            "SystemVcpuUser", "SystemVcpuSystem", "SystemMemoryUsed", "SystemSwapUsed", "NeuronDeviceEccCorrected", "NeuronDeviceEccUncorrected");
    }

    [Fact]
    public void ForGroup_InferenceStats_IsExecutionStats()
    {
        MetricCatalog.ForGroup("inference_stats").Select(d => d.Name).Should().Contain("ExecutionsCompleted").And.HaveCount(22);
    }

    [Fact]
    public void ToMarkdownTable_Readme_CarriesTheCurrentTable()
    {
        string readme = File.ReadAllText(RepositoryFiles.At("README.md")).ReplaceLineEndings("\n");

        readme.Should().Contain(MetricCatalogTable.ToMarkdown().ReplaceLineEndings("\n"), "the README's metric table is generated from the catalog");
    }
}
