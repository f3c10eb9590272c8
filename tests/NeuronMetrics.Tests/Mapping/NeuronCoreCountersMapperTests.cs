using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Tests.Mapping;

public sealed class NeuronCoreCountersMapperTests
{
    private readonly MapperHarness _harness = new(w => new NeuronCoreCountersMapper(w));

    private List<MetricSample> Map(string groupJson) => _harness.Map(groupJson);

    [Fact]
    public void Map_Cores_OneUtilizationSampleEach()
    {
        var samples = Map("""{"period":1.0,"neuroncores_in_use":{"0":{"neuroncore_utilization":32.5},"1":{"neuroncore_utilization":0}},"error":""}""");

        samples.Select(s => (s.Key.Name, s.Key.Unit, s.Value, s.Timestamp)).Should().Equal(
            ("NeuronCoreUtilization", "Percent", 32.5, MapperHarness.Now),
            ("NeuronCoreUtilization", "Percent", 0.0, MapperHarness.Now));
        samples[0].Key.Dimensions.Should().Equal(new Dimension("InstanceId", "i-1"), new Dimension("NeuronCore", "0"));
        samples[1].Key.Dimensions.Should().Equal(new Dimension("InstanceId", "i-1"), new Dimension("NeuronCore", "1"));
        samples[0].Key.Partition.Should().Be("i-1");
    }

    [Fact]
    public void Map_NewerFieldsAndSubCores_AreIgnoredByDefault()
    {
        var samples = Map("""
            {"neuroncores_in_use":{"0":{"effective_flops":123,"sub_cores":{"a":{"neuroncore_utilization":99}},"neuroncore_utilization":10,"flops":[1,2]}}}
            """);

        samples.Should().ContainSingle().Which.Value.Should().Be(10);
        _harness.Statistics.ValuesDropped.Should().Be(0);
    }

    [Fact]
    public void Map_FlopsSelected_SendsThemPerCore()
    {
        var harness = new MapperHarness(w => new NeuronCoreCountersMapper(w), MetricSelection.Create(["NeuronCore*Flops"], false));

        var samples = harness.Map("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":37.5,"effective_flops":373300683955,"flops":5e11},"1":{"flops":"x"}}}""");

        MapperHarness.Describe(samples).Should().Equal(
            "NeuronCoreEffectiveFlops[InstanceId=i-1,NeuronCore=0] Count/Second = 373300683955",
            "NeuronCoreFlops[InstanceId=i-1,NeuronCore=0] Count/Second = 500000000000");
        harness.Statistics.ValuesDropped.Should().Be(1); // core 1's string flops; utilization not selected
    }

    [Fact]
    public void Map_Inf2Sample_EffectiveFlopsPerCore()
    {
        var harness = new MapperHarness(w => new NeuronCoreCountersMapper(w), MetricSelection.Create(["NeuronCoreEffectiveFlops"], false));
        string line = File.ReadLines(RepositoryFiles.Sample("inf2.xlarge-newer-fields.jsonl")).First();
        int start = line.IndexOf("{\"period\"", StringComparison.Ordinal);
        int end = line.IndexOf(",\"error\":\"\"}", start, StringComparison.Ordinal) + ",\"error\":\"\"}".Length;

        var samples = harness.Map(line[start..end]);

        MapperHarness.Describe(samples).Should().Equal(
            "NeuronCoreEffectiveFlops[InstanceId=i-1,NeuronCore=0] Count/Second = 373300683955",
            "NeuronCoreEffectiveFlops[InstanceId=i-1,NeuronCore=1] Count/Second = 0");
    }

    [Fact]
    public void Map_LegacyNaming_PutsTheCoreInTheName()
    {
        var harness = new MapperHarness(w => new NeuronCoreCountersMapper(w), naming: NamingStyle.Legacy);

        var samples = harness.Map("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":1},"12":{"neuroncore_utilization":2}}}""");

        MapperHarness.Describe(samples).Should().Equal(
            "NeuronCoreUtilizationNC0[InstanceId=i-1] Percent = 1",
            "NeuronCoreUtilizationNC12[InstanceId=i-1] Percent = 2");
    }

    [Fact]
    public void EndReport_InstanceAverageSelected_MeanOverEveryCoreMapped()
    {
        var harness = new MapperHarness(w => new NeuronCoreCountersMapper(w), MetricSelection.Create(null, instanceAverage: true));
        var first = harness.Map("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":10},"1":{"neuroncore_utilization":20}}}""");
        var second = harness.Map("""{"neuroncores_in_use":{"16":{"neuroncore_utilization":60},"17":{"neuroncore_utilization":"bad"}}}""");
        var end = new List<MetricSample>();

        harness.Mapper.EndReport(harness.Context, end);
        var afterReset = new List<MetricSample>();
        harness.Mapper.EndReport(harness.Context, afterReset);

        first.Should().HaveCount(2);
        second.Should().HaveCount(1);
        MapperHarness.Describe(end).Should().Equal("NeuronCoreUtilizationAverage[InstanceId=i-1] Percent = 30");
        afterReset.Should().BeEmpty();
    }

    [Fact]
    public void EndReport_RuntimesListingTheSameCores_MeanOfEachCoresMax()
    {
        var harness = new MapperHarness(w => new NeuronCoreCountersMapper(w), MetricSelection.Create(null, instanceAverage: true));
        harness.Map("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":80},"1":{"neuroncore_utilization":0},"2":{"neuroncore_utilization":0},"3":{"neuroncore_utilization":0}}}""");
        harness.Map("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":0},"1":{"neuroncore_utilization":40},"2":{"neuroncore_utilization":0},"3":{"neuroncore_utilization":0}}}""");
        var end = new List<MetricSample>();

        harness.Mapper.EndReport(harness.Context, end);

        MapperHarness.Describe(end).Should().ContainSingle().Which.Should().Be("NeuronCoreUtilizationAverage[InstanceId=i-1] Percent = 30", "(80 + 40 + 0 + 0) / 4 cores, not / 8 values");
    }

    [Fact]
    public void Map_Trn2V3d_OnePhysicalCoreUtilizationEach()
    {
        var harness = new MapperHarness(w => new NeuronCoreCountersMapper(w), MetricSelection.Create(["PhysicalNeuronCoreUtilization"], false));

        var samples = harness.Map("""
            {"neuroncores_in_use":{
              "0":{"neuroncore_utilization":50,"v3d":{"nc_v3.0":{"neuroncore_utilization":60,"flops":1},"nc_v3.1":{"neuroncore_utilization":40}}},
              "1":{"neuroncore_utilization":0,"v3d":{"nc_v3.2":{"neuroncore_utilization":0},"nc_v3":{"neuroncore_utilization":1},"nc_v3.3":{"neuroncore_utilization":"x"}}}}}
            """);

        MapperHarness.Describe(samples).Should().Equal(
            "PhysicalNeuronCoreUtilization[InstanceId=i-1,NeuronCore=0,PhysicalNeuronCore=0] Percent = 60",
            "PhysicalNeuronCoreUtilization[InstanceId=i-1,NeuronCore=0,PhysicalNeuronCore=1] Percent = 40",
            "PhysicalNeuronCoreUtilization[InstanceId=i-1,NeuronCore=1,PhysicalNeuronCore=2] Percent = 0");
        harness.Statistics.ValuesDropped.Should().Be(2, "a physical core without an index, and a string");
    }

    [Fact]
    public void Map_V3dNotSelected_IsSkipped()
    {
        var samples = Map("""{"neuroncores_in_use":{"0":{"v3d":{"nc_v3.0":{"neuroncore_utilization":60}},"neuroncore_utilization":50}}}""");

        MapperHarness.Describe(samples).Should().Equal("NeuronCoreUtilization[InstanceId=i-1,NeuronCore=0] Percent = 50");
    }

    [Fact]
    public void Map_V3dLegacyNaming_CoreInTheNamePhysicalCoreAsDimension()
    {
        var harness = new MapperHarness(w => new NeuronCoreCountersMapper(w), MetricSelection.Create(["PhysicalNeuronCoreUtilization"], false), NamingStyle.Legacy);

        var samples = harness.Map("""{"neuroncores_in_use":{"3":{"v3d":{"nc_v3.7":{"neuroncore_utilization":12}}}}}""");

        MapperHarness.Describe(samples).Should().Equal("PhysicalNeuronCoreUtilizationNC3[InstanceId=i-1,PhysicalNeuronCore=7] Percent = 12");
    }

    [Fact]
    public void EndReport_AverageNotSelected_SendsNothing()
    {
        Map("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":10}}}""");
        var end = new List<MetricSample>();

        _harness.Mapper.EndReport(_harness.Context, end);

        end.Should().BeEmpty();
    }

    [Theory]
    [InlineData("\"12\"")]
    [InlineData("null")]
    [InlineData("-0.5")]
    [InlineData("100.01")]
    [InlineData("1e400")]
    [InlineData("{}")]
    public void Map_BadValue_IsDroppedAndCounted(string value)
    {
        var samples = Map("{\"neuroncores_in_use\":{\"0\":{\"neuroncore_utilization\":" + value + "},\"1\":{\"neuroncore_utilization\":5}}}");

        samples.Should().ContainSingle().Which.Value.Should().Be(5);
        _harness.Statistics.ValuesDropped.Should().Be(1);
    }

    [Fact]
    public void Map_NonIndexCoreKey_IsDroppedAndCounted()
    {
        var samples = Map("""{"neuroncores_in_use":{"nc-x":{"neuroncore_utilization":5},"00":{"neuroncore_utilization":6}}}""");

        samples.Should().ContainSingle().Which.Key.Dimensions[^1].Should().Be(new Dimension("NeuronCore", "0"));
        _harness.Statistics.ValuesDropped.Should().Be(1);
    }

    [Fact]
    public void Map_WrongShapes_ProduceNothing()
    {
        Map("""{"neuroncores_in_use":null}""").Should().BeEmpty();
        Map("""{"neuroncores_in_use":[1,2]}""").Should().BeEmpty();
        Map("""{"neuroncores_in_use":{"0":5}}""").Should().BeEmpty();
        Map("""{}""").Should().BeEmpty();
    }

    [Fact]
    public void Map_SameCoreAgain_ReusesTheKey()
    {
        var first = Map("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":1}}}""");
        var second = Map("""{"neuroncores_in_use":{"0":{"neuroncore_utilization":2}}}""");

        // Same base dimension array instance → same key instance.
        first[0].Key.Should().BeSameAs(second[0].Key);
    }
}
