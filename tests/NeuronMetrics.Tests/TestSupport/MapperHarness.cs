using System.Text;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Tests;

/// <summary>Runs one group mapper on hand-written group JSON, with InstanceId=i-1 as the base dimension.</summary>
internal sealed class MapperHarness
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static readonly Dimension[] BaseDimensions = [new("InstanceId", "i-1")];

    public MapperHarness(Func<MetricSampleWriter, IGroupMapper> create, MetricSelection? selection = null, NamingStyle naming = NamingStyle.Dimensional)
    {
        Writer = new MetricSampleWriter(selection ?? MetricSelection.Default, naming);
        Mapper = create(Writer);
    }

    public PipelineStatistics Statistics { get; } = new();

    public MetricSampleWriter Writer { get; }

    public IGroupMapper Mapper { get; }

    public MappingContext Context => new(new InstanceInfo("i-1", null, null, null), null, BaseDimensions, BaseDimensions, Now, Statistics);

    public List<MetricSample> Map(string groupJson, string? type = null)
    {
        var output = new List<MetricSample>();
        Mapper.Map(new GroupSection(type ?? Mapper.GroupType, Encoding.UTF8.GetBytes(groupJson), null), Context, output);
        return output;
    }

    /// <summary>The samples as "Name[Dim=Value,...] Unit = value", for compact golden assertions.</summary>
    public static IEnumerable<string> Describe(IEnumerable<MetricSample> samples) =>
        samples.Select(s => FormattableString.Invariant($"{s.Key} {s.Key.Unit} = {s.Value}"));
}
