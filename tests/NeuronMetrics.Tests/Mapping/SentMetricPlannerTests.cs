using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Tests.Mapping;

/// <summary>The plan made without a report names exactly the metrics (name, dimension names in order) that mapping real samples sends.</summary>
public sealed class SentMetricPlannerTests
{
    public static TheoryData<string, string, string, NamingStyle, bool> Cases() => new()
    {
        { "inf1.xlarge-all-groups.jsonl", "samples/monitor-all-groups.conf", "InstanceId", NamingStyle.Dimensional, false },
        { "inf1.xlarge-all-groups.jsonl", "samples/monitor-all-groups.conf", "InstanceId,InstanceType,RuntimeTag", NamingStyle.Dimensional, true },
        { "inf1.xlarge-all-groups.jsonl", "samples/monitor-all-groups.conf", "InstanceId,RuntimeTag", NamingStyle.Legacy, true },
        { "trn1.32xlarge-two-runtimes.jsonl", "samples/monitor-all-groups.conf", "InstanceId,AvailabilityZone,RuntimeTag", NamingStyle.Dimensional, true },
        { "inf2.xlarge-kubernetes.jsonl", "samples/monitor-all-groups.conf", "InstanceId,PodName,Namespace,ContainerName", NamingStyle.Dimensional, true },
        { "inf1.xlarge-neuroncore.jsonl", "monitor.conf", "InstanceId", NamingStyle.Dimensional, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Plan_SameOptionsAsARun_NamesEveryMetricTheRunSendsWithItsDimensionNames(string sample, string configFile, string dimensions, NamingStyle naming, bool everything)
    {
        var config = MonitorConfigLoader.LoadFile(RepositoryFiles.At(configFile), NullDiagnosticLog.Instance);
        var selection = MetricSelection.Create(everything ? ["*"] : null, instanceAverage: true);
        var settings = new DimensionSettings { Selected = dimensions.Split(','), Static = [new Dimension("Team", "ml")] };
        var runner = new PipelineRunner { Selection = selection, Naming = naming, Dimensions = settings };
        var sink = new InMemorySink();
        await using (var input = File.OpenRead(RepositoryFiles.Sample(sample)))
        {
            await runner.RunAsync(input, sink, config);
        }

        var plan = SentMetricPlanner.Plan(config, selection, naming, settings);
        var sent = sink.Batches.SelectMany(b => b.Data).Select(d => (Name: Unsuffixed(d.MetricName, plan), Dimensions: string.Join(",", d.Dimensions.Select(x => x.Name)))).ToHashSet();
        var planned = plan.Select(p => (p.Name, Dimensions: string.Join(",", p.DimensionNames))).ToHashSet();

        sent.Should().NotBeEmpty();
        sent.Should().BeSubsetOf(planned);
        if (!sample.Contains("kubernetes", StringComparison.Ordinal))
        {
            // Every planned metric the sample holds data for is sent (the Kubernetes sample has no system groups).
            planned.Select(p => p.Name).Except(sent.Select(s => s.Name)).Should().BeSubsetOf(NotInSamples, "only metrics without data in the samples may be missing");
        }
    }

    [Fact]
    public void Plan_DefaultOptions_OnlyPerCoreUtilizationWithInstanceIdAndNeuronCore()
    {
        var plan = SentMetricPlanner.Plan(MonitorConfig.Default, MetricSelection.Default, NamingStyle.Dimensional, DimensionSettings.Default);

        plan.Should().ContainSingle();
        plan[0].Name.Should().Be(MetricNames.NeuronCoreUtilization);
        plan[0].DimensionNames.Should().Equal(DimensionNames.InstanceId, DimensionNames.NeuronCore);
    }

    [Fact]
    public void Plan_InstanceAverageWithRuntimeTag_AverageHasNoRuntimeTag()
    {
        var settings = new DimensionSettings { Selected = [DimensionNames.InstanceId, DimensionNames.RuntimeTag] };
        var plan = SentMetricPlanner.Plan(MonitorConfig.Default, MetricSelection.Create(null, instanceAverage: true), NamingStyle.Dimensional, settings);

        plan.Single(p => p.Name == MetricNames.NeuronCoreUtilizationAverage).DimensionNames.Should().Equal(DimensionNames.InstanceId);
        plan.Single(p => p.Name == MetricNames.NeuronCoreUtilization).DimensionNames.Should().Equal(DimensionNames.InstanceId, DimensionNames.RuntimeTag, DimensionNames.NeuronCore);
    }

    /// <summary>Legacy names carry the core (NeuronCoreUtilizationNC3): the planned name is the one without it.</summary>
    private static string Unsuffixed(string name, IReadOnlyList<PlannedMetric> plan) =>
        plan.FirstOrDefault(p => p.CoreInName && name.StartsWith(p.Name + MetricNames.LegacyCoreSuffix, StringComparison.Ordinal)
            && name.Length > p.Name.Length + MetricNames.LegacyCoreSuffix.Length && name[(p.Name.Length + MetricNames.LegacyCoreSuffix.Length)..].All(char.IsAsciiDigit))?.Name ?? name;

    /// <summary>Opt-in metrics of newer or other instance types, and error kinds, which these samples hold no data for.</summary>
    private static readonly string[] NotInSamples =
    [
        MetricNames.NeuronCoreFlops, MetricNames.NeuronCoreEffectiveFlops, MetricNames.PhysicalNeuronCoreUtilization, MetricNames.ExecutionErrorsByKind,
    ];
}
