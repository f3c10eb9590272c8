using NeuronMetrics.Diagnostics;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Tests.Mapping;

public sealed class MetricSampleWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly InstanceInfo Instance = new("i-1", null, null, null);
    private static readonly Dimension[] InstanceDimensions = [new("InstanceId", "i-1")];

    private static MappingContext Context(Dimension[] baseDimensions) =>
        new(Instance, null, baseDimensions, InstanceDimensions, Now, new PipelineStatistics());

    private static string Describe(MetricKey key) => key.ToString();

    [Fact]
    public void Add_SamePartsTwice_SameKeyObject()
    {
        var writer = new MetricSampleWriter(MetricSelection.Default, NamingStyle.Dimensional);
        var output = new List<MetricSample>();

        writer.Add(MetricCatalog.NeuronCoreUtilization, Context(InstanceDimensions), "3", 1, output);
        writer.Add(MetricCatalog.NeuronCoreUtilization, Context(InstanceDimensions), "3", 2, output);

        output[1].Key.Should().BeSameAs(output[0].Key);
        Describe(output[0].Key).Should().Be("NeuronCoreUtilization[InstanceId=i-1,NeuronCore=3]");
    }

    [Fact]
    public void Add_RuntimesAlternatingBaseArrays_EachKeyItsOwnDimensions()
    {
        // Two runtimes with RuntimeTag dimensions, then a third: every key must carry its own base, however the cache is used.
        var writer = new MetricSampleWriter(MetricSelection.Default, NamingStyle.Dimensional);
        Dimension[][] bases = [.. new[] { "a", "b", "c" }.Select(tag => new Dimension[] { new("InstanceId", "i-1"), new("RuntimeTag", tag) })];
        string[] order = ["a", "b", "a", "c", "b", "a", "c", "c", "b"];
        var output = new List<MetricSample>();

        foreach (string tag in order)
        {
            var context = Context(bases[tag[0] - 'a']);
            foreach (string core in new[] { "0", "1", "17" })
            {
                writer.Add(MetricCatalog.NeuronCoreUtilization, context, core, 1, output);
            }

            writer.Add(MetricCatalog.NeuronRuntimeHostMemoryUsed, context, "", 5, output);
        }

        var expected = order.SelectMany(tag => new[]
        {
            $"NeuronCoreUtilization[InstanceId=i-1,RuntimeTag={tag},NeuronCore=0]",
            $"NeuronCoreUtilization[InstanceId=i-1,RuntimeTag={tag},NeuronCore=1]",
            $"NeuronCoreUtilization[InstanceId=i-1,RuntimeTag={tag},NeuronCore=17]",
            $"NeuronRuntimeHostMemoryUsed[InstanceId=i-1,RuntimeTag={tag}]",
        });
        output.Select(s => Describe(s.Key)).Should().Equal(expected);
    }

    [Theory]
    [InlineData("300")]
    [InlineData("007")]
    [InlineData("generic")]
    public void Add_ItemsWithoutACacheSlot_KeysFromTheTable(string item)
    {
        var writer = new MetricSampleWriter(MetricSelection.Default, NamingStyle.Dimensional);
        var output = new List<MetricSample>();

        writer.Add(MetricCatalog.NeuronCoreUtilization, Context(InstanceDimensions), item, 1, output);
        writer.Add(MetricCatalog.NeuronCoreUtilization, Context(InstanceDimensions), item, 2, output);

        output[1].Key.Should().BeSameAs(output[0].Key);
        Describe(output[0].Key).Should().Be($"NeuronCoreUtilization[InstanceId=i-1,NeuronCore={item}]");
    }

    [Fact]
    public void Add_LegacyNaming_NameCarriesTheCore()
    {
        var writer = new MetricSampleWriter(MetricSelection.Default, NamingStyle.Legacy);
        var output = new List<MetricSample>();

        writer.Add(MetricCatalog.NeuronCoreUtilization, Context(InstanceDimensions), "2", 1, output);
        writer.Add(MetricCatalog.NeuronCoreUtilization, Context(InstanceDimensions), "12", 1, output);
        writer.Add(MetricCatalog.NeuronCoreUtilization, Context(InstanceDimensions), "2", 1, output);

        output.Select(s => s.Key.Name).Should().Equal("NeuronCoreUtilizationNC2", "NeuronCoreUtilizationNC12", "NeuronCoreUtilizationNC2");
    }
}
