using System.Text;
using NeuronMetrics.Aggregation;
using NeuronMetrics.Config;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Tests.Mapping;

/// <summary>
/// One value per metric per report when several runtimes list the same cores (as on every real
/// host), through the pipeline with every group enabled: the catalog's rule per metric.
/// </summary>
public sealed class ReportMapperTests
{
    private static readonly MetricSelection Everything = MetricSelection.Create(["*"], instanceAverage: true);

    private static async Task<List<MetricDatum>> RunAsync(PipelineRunner runner, AggregationMode mode, params string[] reports)
    {
        var sink = new InMemorySink();
        var config = MonitorConfigLoader.LoadFile(RepositoryFiles.Sample("monitor-all-groups.conf"), new ListLog());
        await runner.RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(reports))), sink, config, mode);
        return [.. sink.Batches.SelectMany(b => b.Data)];
    }

    private static double Single(List<MetricDatum> datums, string name, string? core = null) =>
        datums.Single(d => d.MetricName == name && (core is null || d.Dimensions.Contains(new Dimension("NeuronCore", core)))).Value!.Value;

    [Fact]
    public async Task Map_CoreListedByEveryRuntime_UtilizationIsTheMax()
    {
        string report = ReportBuilder.Build("i-1", new RuntimeSpec("a", 1, [40, 0, 0]), new RuntimeSpec("b", 2, [0, 90, 0]), new RuntimeSpec("c", 3, [0, 0, 0]));

        var datums = await RunAsync(new PipelineRunner { Selection = Everything }, AggregationMode.None, report);

        datums.Where(d => d.MetricName == "NeuronCoreUtilization").Select(d => (d.Dimensions.Single(x => x.Name == "NeuronCore").Value, d.Value))
            .Should().Equal(("0", 40.0), ("1", 90.0), ("2", 0.0));
    }

    [Fact]
    public async Task Map_InstanceAverage_MeanOverCoresOfThePerCoreMax()
    {
        string report = ReportBuilder.Build("i-1", new RuntimeSpec("a", 1, [40, 0]), new RuntimeSpec("b", 2, [0, 90]));

        var datums = await RunAsync(new PipelineRunner { Selection = Everything }, AggregationMode.None, report);

        Single(datums, "NeuronCoreUtilizationAverage").Should().Be(65, "(40 + 90) / 2, not (40 + 0 + 0 + 90) / 4");
    }

    [Fact]
    public async Task Map_PerCoreQuantitiesThatAddUp_AreSummed()
    {
        string report = ReportBuilder.Build(
            "i-1",
            new RuntimeSpec("a", 1, [10, 0]) { CoreMemory = [100, 0] },
            new RuntimeSpec("b", 2, [0, 20]) { CoreMemory = [50, 200] });

        var datums = await RunAsync(new PipelineRunner { Selection = Everything }, AggregationMode.None, report);

        Single(datums, "NeuronCoreMemoryUsed", "0").Should().Be(150);
        Single(datums, "NeuronCoreMemoryUsed", "1").Should().Be(200);
    }

    [Fact]
    public async Task Map_RuntimeMetricsWithoutRuntimeTag_OneValuePerReportByTheCatalogRule()
    {
        string report = ReportBuilder.Build(
            "i-1",
            new RuntimeSpec("a", 1, [10]) { HostMemory = 1_000, VcpuUser = 20, Completed = 300, Latency = (0.010, 0.020, 0.050) },
            new RuntimeSpec("b", 2, [10]) { HostMemory = 3_000, VcpuUser = 5, Completed = 100, Latency = (0.005, 0.040, 0.045) });

        var datums = await RunAsync(new PipelineRunner { Selection = Everything }, AggregationMode.None, report);

        Single(datums, "NeuronRuntimeHostMemoryUsed").Should().Be(4_000);
        Single(datums, "NeuronRuntimeVcpuUser").Should().Be(25);
        Single(datums, "ExecutionsCompleted").Should().Be(400);
        Single(datums, "ExecutionLatencyP0").Should().Be(0.005, "the fastest execution of either");
        Single(datums, "ExecutionLatencyP50").Should().Be(0.040, "the worse runtime");
        Single(datums, "ExecutionLatencyP100").Should().Be(0.050, "the slowest execution of either");
    }

    [Fact]
    public async Task Map_RuntimeTagDimension_EachRuntimeKeepsItsOwnSeries()
    {
        var runner = new PipelineRunner { Selection = Everything, Dimensions = new DimensionSettings { Selected = ["InstanceId", "RuntimeTag"] } };
        string report = ReportBuilder.Build("i-1", new RuntimeSpec("a", 1, [40, 0]) { HostMemory = 1_000 }, new RuntimeSpec("b", 2, [0, 90]) { HostMemory = 3_000 });

        var datums = await RunAsync(runner, AggregationMode.None, report);

        string Describe(MetricDatum d) => $"{string.Join(",", d.Dimensions.Select(x => x.Value))}={d.Value}";
        datums.Where(d => d.MetricName == "NeuronCoreUtilization").Select(Describe).Should().Equal("i-1,a,0=40", "i-1,a,1=0", "i-1,b,0=0", "i-1,b,1=90");
        datums.Where(d => d.MetricName == "NeuronRuntimeHostMemoryUsed").Select(Describe).Should().Equal("i-1,a=1000", "i-1,b=3000");
        Single(datums, "NeuronCoreUtilizationAverage").Should().Be(65, "the instance average is per instance, over every runtime");
        runner.Log.Lines.Should().BeEmpty();
    }

    [Fact]
    public async Task Map_RuntimesSharingATagAsADimension_CombinedAndWarned()
    {
        var runner = new PipelineRunner { Selection = Everything, Dimensions = new DimensionSettings { Selected = ["InstanceId", "RuntimeTag"] } };
        string report = ReportBuilder.Build("i-1", new RuntimeSpec("serving", 10, [40, 0]), new RuntimeSpec("serving", 11, [0, 90]));

        var datums = await RunAsync(runner, AggregationMode.None, report, report);

        datums.Where(d => d.MetricName == "NeuronCoreUtilization").Select(d => (d.Dimensions[^1].Value, d.Value))
            .Should().BeEquivalentTo([("0", 40.0), ("0", 40.0), ("1", 90.0), ("1", 90.0)]);
        runner.Log.Messages.Should().ContainSingle().Which.Should().StartWith("several runtimes share the tag 'serving' (pids 10 and 11)");
    }

    [Fact]
    public async Task Map_RuntimeWithError_StaysOutOfTheMax()
    {
        string report = ReportBuilder.Build("i-1", new RuntimeSpec("a", 1, [40]), new RuntimeSpec("b", 2, [99]) { Error = "gone" });

        var datums = await RunAsync(new PipelineRunner(), AggregationMode.None, report);

        datums.Where(d => d.MetricName == "NeuronCoreUtilization").Should().ContainSingle().Which.Value.Should().Be(40);
    }

    [Fact]
    public async Task Map_ValuesMode_OneSamplePerCorePerReport()
    {
        var reports = Enumerable.Range(0, 5).Select(i => ReportBuilder.Build(
            "i-1", Enumerable.Range(0, 8).Select(r => new RuntimeSpec("app", 100 + r, [.. Enumerable.Range(0, 8).Select(c => c == r ? 10.0 + i : 0)])).ToArray())).ToArray();

        var datums = (await RunAsync(new PipelineRunner(), AggregationMode.Values, reports)).Where(d => d.MetricName == "NeuronCoreUtilization").ToList();

        datums.Should().HaveCount(8).And.OnlyContain(d => d.Counts!.Sum() == 5, "SampleCount counts reports, not runtimes");
        datums.Should().OnlyContain(d => d.Values!.SequenceEqual(new double[] { 10, 11, 12, 13, 14 }));
    }

    [Fact]
    public async Task Map_KubernetesPlacement_PerCoreForCoreMetricsPerDeviceForDeviceMetricsNoneForOthers()
    {
        var k8s = System.Text.Json.Nodes.JsonNode.Parse("""
            {"neuroncores_k8s_info":{"0":{"pod_name":"a","namespace":"ml","container_name":["x"]},"1":{"pod_name":"b","namespace":"ml","container_name":["z","y"]}},
             "neurondevices_k8s_info":{"0":{"pod_name":"a","namespace":"ml","container_name":["x","y","z"]}},"error":""}
            """)!.AsObject();
        var hardware = System.Text.Json.Nodes.JsonNode.Parse("""
            {"neuron_hw_counters":{"neuron_devices":[{"neuron_device_index":0,"mem_ecc_corrected":1,"mem_ecc_uncorrected":0,"sram_ecc_corrected":0,"sram_ecc_uncorrected":0}],"error":""}}
            """)!;
        string report = ReportBuilder.Build("i-1", [new RuntimeSpec("a", 1, [40, 0]) { CoreMemory = [5, 0] }, new RuntimeSpec("b", 2, [0, 90]) { CoreMemory = [0, 7] }], new() { ["neuron_k8s_info"] = k8s, ["system_data"] = hardware });
        var runner = new PipelineRunner { Dimensions = new DimensionSettings { Selected = ["InstanceId", "PodName", "ContainerName"] } };

        var datums = await RunAsync(runner, AggregationMode.None, report);

        string Describe(MetricDatum d) => $"{d.MetricName}[{string.Join(",", d.Dimensions.Select(x => x.Name + "=" + x.Value))}]={d.Value}";
        datums.Where(d => d.MetricName is "NeuronCoreUtilization" or "NeuronCoreMemoryUsed" or "NeuronDeviceEccCorrected" or "NeuronRuntimeHostMemoryUsed").Select(Describe).Should().BeEquivalentTo(
            "NeuronCoreUtilization[InstanceId=i-1,PodName=a,ContainerName=x,NeuronCore=0]=40",
            "NeuronCoreUtilization[InstanceId=i-1,PodName=b,ContainerName=y,z,NeuronCore=1]=90",
            "NeuronCoreMemoryUsed[InstanceId=i-1,PodName=a,ContainerName=x,NeuronCore=0]=5",
            "NeuronCoreMemoryUsed[InstanceId=i-1,PodName=b,ContainerName=y,z,NeuronCore=1]=7",
            "NeuronDeviceEccCorrected[InstanceId=i-1,PodName=a,ContainerName=x,y,z,NeuronDevice=0]=1",
            "NeuronRuntimeHostMemoryUsed[InstanceId=i-1]=2000");
    }
}
