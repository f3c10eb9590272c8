using System.Text.Json;
using System.Text.Json.Nodes;
using NeuronMetrics.Cli.Dashboards;
using NeuronMetrics.Cli.Tests.TestSupport;
using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Cli.Tests.Dashboards;

public sealed class DashboardBodyGeneratorTests
{
    [Fact]
    public void Generate_DefaultOptions_PerCoreSearchOverNamespaceInstanceIdAndNeuronCore()
    {
        var body = Generate(Plan(MonitorConfig.Default, instanceAverage: false));

        var searches = Expressions(body);
        searches.Should().Contain("SEARCH('{Neuron,InstanceId,NeuronCore} MetricName=\"NeuronCoreUtilization\"', 'Average', 60)");
        searches.Should().Contain("MAX(SEARCH('{Neuron,InstanceId,NeuronCore} MetricName=\"NeuronCoreUtilization\"', 'Average', 60))");
        searches.Should().Contain("AVG(SEARCH('{Neuron,InstanceId,NeuronCore} MetricName=\"NeuronCoreUtilization\"', 'Average', 60))");
    }

    [Fact]
    public void Generate_AllGroupsWithRuntimeTag_EveryPlannedMetricHasASearchWithItsExactDimensionNames()
    {
        var settings = new DimensionSettings { Selected = [DimensionNames.InstanceId, DimensionNames.RuntimeTag], Static = [new Dimension("Team", "ml")] };
        var plan = SentMetricPlanner.Plan(AllGroups(), MetricSelection.Create(null, instanceAverage: true), NamingStyle.Dimensional, settings);

        var named = MetricReference.FromDashboardBody(Generate(plan)).ToHashSet();

        named.Should().BeEquivalentTo(plan.Select(p => MetricReference.Of("Neuron", p.Name, p.DimensionNames)));
        named.Should().Contain(MetricReference.Of("Neuron", "ExecutionErrors", ["InstanceId", "Team", "RuntimeTag"]));
        named.Should().Contain(MetricReference.Of("Neuron", "NeuronDeviceEccUncorrected", ["InstanceId", "Team", "NeuronDevice"]), "system groups carry no RuntimeTag");
    }

    [Fact]
    public void Generate_Counts_AreSummedAndLatenciesMaximum()
    {
        var plan = SentMetricPlanner.Plan(AllGroups(), MetricSelection.Default, NamingStyle.Dimensional, DimensionSettings.Default);

        var expressions = Expressions(Generate(plan));

        expressions.Should().Contain(e => e.Contains("MetricName=\"ExecutionErrors\"', 'Sum'", StringComparison.Ordinal));
        expressions.Should().Contain(e => e.Contains("MetricName=\"ExecutionLatencyP99\"', 'Maximum'", StringComparison.Ordinal));
        expressions.Should().Contain(e => e.Contains("MetricName=\"SystemMemoryUsed\"', 'Average'", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_LegacyNaming_LeavesOutPerCoreGraphsAndSaysWhy()
    {
        var plan = SentMetricPlanner.Plan(AllGroups(), MetricSelection.Create(null, instanceAverage: true), NamingStyle.Legacy, DimensionSettings.Default);

        string body = Generate(plan);

        var named = MetricReference.FromDashboardBody(body);
        named.Select(n => n.Name).Should().NotContain(["NeuronCoreUtilization", "NeuronCoreMemoryUsed"]);
        named.Select(n => n.Name).Should().Contain("NeuronCoreUtilizationAverage");
        body.Should().Contain("--naming legacy");
    }

    [Fact]
    public void Generate_AnyPlan_WidgetsInsideTheGridWithoutOverlap()
    {
        var plan = SentMetricPlanner.Plan(AllGroups(), MetricSelection.Create(["*"], instanceAverage: true), NamingStyle.Dimensional, DimensionSettings.Default);

        var widgets = JsonNode.Parse(Generate(plan))!["widgets"]!.AsArray().Select(w => (X: (int)w!["x"]!, Y: (int)w["y"]!, W: (int)w["width"]!, H: (int)w["height"]!)).ToList();

        widgets.Should().OnlyContain(w => w.X >= 0 && w.X + w.W <= 24 && w.Y >= 0);
        foreach (var a in widgets)
        {
            widgets.Count(b => a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H).Should().Be(1, $"{a} overlaps no other widget");
        }
    }

    [Fact]
    public void Generate_NamespaceWithSlashAndLongerFlush_QuotedNamespaceAndPeriodOfTheFlush()
    {
        var plan = Plan(MonitorConfig.Default, instanceAverage: true);

        var body = DashboardBodyGenerator.Generate(new DashboardSpec("Team/Neuron", "us-west-2", 300, plan, "test", null));

        Expressions(body).Should().Contain("SEARCH('{\"Team/Neuron\",InstanceId} MetricName=\"NeuronCoreUtilizationAverage\"', 'Average', 300)");
        JsonNode.Parse(body)!["widgets"]!.AsArray().Where(w => (string)w!["type"]! == "metric").Should().OnlyContain(w => (string)w!["properties"]!["region"]! == "us-west-2" && (int)w["properties"]!["period"]! == 300);
    }

    private static IReadOnlyList<PlannedMetric> Plan(MonitorConfig config, bool instanceAverage) =>
        SentMetricPlanner.Plan(config, MetricSelection.Create(null, instanceAverage), NamingStyle.Dimensional, DimensionSettings.Default);

    private static MonitorConfig AllGroups() => MonitorConfigLoader.LoadFile(RepositoryFiles.At("samples/monitor-all-groups.conf"), NullDiagnosticLog.Instance);

    private static string Generate(IReadOnlyList<PlannedMetric> plan) =>
        DashboardBodyGenerator.Generate(new DashboardSpec("Neuron", "ap-northeast-1", 60, plan, "test options", "estimate"));

    private static List<string> Expressions(string body)
    {
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("widgets").EnumerateArray()
            .Where(w => w.GetProperty("type").GetString() == "metric")
            .SelectMany(w => w.GetProperty("properties").GetProperty("metrics").EnumerateArray())
            .Select(line => line[0].GetProperty("expression").GetString()!)];
    }
}
