using System.Text.Json;
using NeuronMetrics.Cli.Alarms;
using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Cli.Tests.Alarms;

public sealed class AlarmPlannerTests
{
    private const string Stop = "arn:aws:automate:us-east-1:ec2:stop";
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:t";

    [Fact]
    public void Plan_DefaultConfigWithInstanceAverage_IdleAndStoppedOnTheInstanceAverage()
    {
        var alarms = AlarmPlanner.Plan(Request(MonitorConfig.Default, DimensionSettings.Default));

        alarms.Select(a => a.Name).Should().Equal("neuron-cw/i-1/idle", "neuron-cw/i-1/stopped-reporting");
        var idle = alarms[0];
        idle.MetricName.Should().Be("NeuronCoreUtilizationAverage");
        idle.Dimensions.Should().Equal(new Dimension("InstanceId", "i-1"));
        (idle.Statistic, idle.ComparisonOperator, idle.Threshold, idle.TreatMissingData).Should().Be(("Average", "LessThanThreshold", 5d, "notBreaching"));
        (idle.PeriodSeconds, idle.EvaluationPeriods, idle.DatapointsToAlarm).Should().Be((60, 60, 60));
        var stopped = alarms[1];
        (stopped.Statistic, stopped.ComparisonOperator, stopped.Threshold, stopped.TreatMissingData).Should().Be(("SampleCount", "LessThanThreshold", 1d, "breaching"));
        (stopped.PeriodSeconds, stopped.EvaluationPeriods).Should().Be((60, 10));
    }

    [Fact]
    public void Plan_NoInstanceAverage_ThrowsNamingTheFlag()
    {
        var request = Request(MonitorConfig.Default, DimensionSettings.Default) with { Metrics = SentMetricPlanner.Plan(MonitorConfig.Default, MetricSelection.Default, NamingStyle.Dimensional, DimensionSettings.Default) };

        var act = () => AlarmPlanner.Plan(request);

        act.Should().Throw<AlarmPlanException>().WithMessage("*NeuronCoreUtilizationAverage*add --instance-average*");
    }

    [Fact]
    public void Plan_NoInstanceIdDimension_ThrowsSayingAlarmsArePerInstance()
    {
        var act = () => AlarmPlanner.Plan(Request(MonitorConfig.Default, new DimensionSettings { Selected = [DimensionNames.InstanceType] }));

        act.Should().Throw<AlarmPlanException>().WithMessage("*InstanceId*--dimensions*");
    }

    [Fact]
    public void Plan_AllGroupsWithRuntimeTag_EccAndErrorsAsQueriesOverTheInstanceEc2ActionOnIdleOnly()
    {
        var config = MonitorConfigLoader.LoadFile(RepositoryFiles.At("samples/monitor-all-groups.conf"), NullDiagnosticLog.Instance);
        var alarms = AlarmPlanner.Plan(Request(config, new DimensionSettings { Selected = [DimensionNames.InstanceId, DimensionNames.RuntimeTag] }) with { Actions = [Stop, Topic] });

        alarms.Select(a => a.Name).Should().Equal("neuron-cw/i-1/idle", "neuron-cw/i-1/stopped-reporting", "neuron-cw/i-1/ecc-uncorrected", "neuron-cw/i-1/execution-errors");
        alarms[0].Actions.Should().Equal(Stop, Topic);
        alarms.Skip(1).Should().OnlyContain(a => a.Actions.SequenceEqual(new[] { Topic }), "stopping the instance is for idleness only");
        alarms[2].Query.Should().Be("SELECT SUM(NeuronDeviceEccUncorrected) FROM SCHEMA(\"Neuron\", InstanceId, NeuronDevice) WHERE InstanceId = 'i-1'");
        alarms[3].Query.Should().Be("SELECT SUM(ExecutionErrors) FROM SCHEMA(\"Neuron\", InstanceId, RuntimeTag) WHERE InstanceId = 'i-1'");
        alarms.Skip(2).Should().OnlyContain(a => a.ComparisonOperator == "GreaterThanThreshold" && a.Threshold == 0 && a.EvaluationPeriods == 1);
    }

    [Fact]
    public void Plan_InstanceTypeSelectedButUnknown_IdleIsAQueryFilteredByInstanceAndStatic()
    {
        var settings = new DimensionSettings { Selected = [DimensionNames.InstanceId, DimensionNames.InstanceType], Static = [new Dimension("Team", "ml")] };
        var request = Request(MonitorConfig.Default, settings) with { StaticDimensions = [new Dimension("Team", "ml")] };

        var idle = AlarmPlanner.Plan(request)[0];

        idle.Dimensions.Should().BeNull();
        idle.Query.Should().Be("SELECT AVG(NeuronCoreUtilizationAverage) FROM SCHEMA(\"Neuron\", InstanceId, InstanceType, Team) WHERE InstanceId = 'i-1' AND Team = 'ml'");
        var known = AlarmPlanner.Plan(request with { Instance = new InstanceInfo("i-1", "trn1.2xlarge", null, null) })[0];
        known.Dimensions.Should().Equal(new Dimension("InstanceId", "i-1"), new Dimension("InstanceType", "trn1.2xlarge"), new Dimension("Team", "ml"));
    }

    [Fact]
    public void QueryParameters_AnyAlarm_SameFieldsAsThePrintedJson()
    {
        var config = MonitorConfigLoader.LoadFile(RepositoryFiles.At("samples/monitor-all-groups.conf"), NullDiagnosticLog.Instance);
        var alarms = AlarmPlanner.Plan(Request(config, new DimensionSettings { Selected = [DimensionNames.InstanceId, DimensionNames.RuntimeTag] }) with { Actions = [Stop, Topic] });

        foreach (var alarm in alarms)
        {
            var parameters = AlarmQueryParameters.For(alarm).Parameters.ToDictionary(p => p.Key, p => p.Value);
            Flatten(JsonDocument.Parse(AlarmJsonWriter.Write(alarm)).RootElement, "").Should().BeEquivalentTo(parameters, alarm.Name);
        }
    }

    /// <summary>The Query protocol's names for a JSON document's fields (lists as <c>.member.N</c>).</summary>
    private static Dictionary<string, string> Flatten(JsonElement element, string prefix)
    {
        var flat = new Dictionary<string, string>();
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var pair in Flatten(property.Value, prefix.Length == 0 ? property.Name : prefix + "." + property.Name))
                    {
                        flat[pair.Key] = pair.Value;
                    }
                }

                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var pair in Flatten(item, $"{prefix}.member.{++i}"))
                    {
                        flat[pair.Key] = pair.Value;
                    }
                }

                break;
            case JsonValueKind.String:
                flat[prefix] = element.GetString()!;
                break;
            default:
                flat[prefix] = element.GetRawText();
                break;
        }

        return flat;
    }

    private static AlarmRequest Request(MonitorConfig config, DimensionSettings settings) => new()
    {
        Namespace = "Neuron",
        Metrics = SentMetricPlanner.Plan(config, MetricSelection.Create(null, instanceAverage: true), NamingStyle.Dimensional, settings),
        Instance = new InstanceInfo("i-1", null, null, null),
        BasePeriodSeconds = 60,
    };
}
