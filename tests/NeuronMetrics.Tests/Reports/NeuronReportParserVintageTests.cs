using System.Text;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Tests.Reports;

/// <summary>Report shapes of every neuron-monitor vintage, and the newer blocks (Kubernetes, UltraServer).</summary>
public sealed class NeuronReportParserVintageTests
{
    private readonly NeuronReportParser _parser = new();
    private readonly NeuronReport _report = new();

    private ReportParseResult Parse(string json) => _parser.Parse(Encoding.UTF8.GetBytes(json), _report);

    [Fact]
    public void Parse_InstanceDataBlock_ReadLikeInstanceInfo()
    {
        // The 2021 docs' name for the instance block.
        Parse("""{"neuron_runtime_data":[],"instance_data":{"instance_id":"i-0011223344556677a","instance_type":"inf1.xlarge","ami_id":"ami-1"}}""").IsOk.Should().BeTrue();

        _report.Instance.Should().Be(new InstanceInfo("i-0011223344556677a", "inf1.xlarge", null, null));
    }

    [Fact]
    public void Parse_NeuronRtdRuntime_KeepsItsAddress()
    {
        Parse("""{"neuron_runtime_data":[{"pid":0,"address":"unix:/run/neuron.sock","neuron_runtime_tag":"unix:/run/neuron.sock","error":"","report":{}}]}""").IsOk.Should().BeTrue();

        _report.Runtimes.Should().ContainSingle().Which.Address.Should().Be("unix:/run/neuron.sock");
        _report.Runtimes[0].Tag.Should().Be("unix:/run/neuron.sock");
    }

    [Fact]
    public void Parse_2020BetaShape_RecognisedAsPreRelease()
    {
        var result = Parse("""
            {"runtime_data":[{"runtime_index":0,"error":"","report":{"nc_counters":{"period":1.0,"neuron_cores":{"0":{"neuroncore_utilization":42.01}},"error":""}}}],
             "system_data":{"cpu_usage":{}},"instance_data":{"instance_id":"i-1","instance_type":"inf1.xlarge"}}
            """);

        result.IsOk.Should().BeFalse();
        result.PreRelease.Should().BeTrue();
        result.Error.Should().Be("neuron-monitor 2020 beta report (runtime_data, nc_counters): this pre-release format is not supported");
    }

    [Fact]
    public void Parse_UltraServerId_Read()
    {
        Parse("""{"instance_info":{"instance_id":"i-1","ultraserver_id":"us-0a1b"}}""").IsOk.Should().BeTrue();

        _report.Instance.UltraServerId.Should().Be("us-0a1b");
    }

    [Fact]
    public void Parse_KubernetesSample_PlacementPerCoreAndDevice()
    {
        string line = File.ReadLines(RepositoryFiles.Sample("inf2.xlarge-kubernetes.jsonl")).First();

        Parse(line).IsOk.Should().BeTrue();

        var kubernetes = _report.Kubernetes!;
        kubernetes.Cores.Keys.Should().BeEquivalentTo("0", "1");
        kubernetes.Cores["0"].Should().Be(new KubernetesPlacement("bert-7d9f-x2k4q", "inference", "server"));
        kubernetes.Devices["0"].Should().Be(new KubernetesPlacement("bert-7d9f-x2k4q", "inference", "server"));
    }

    [Fact]
    public void Parse_SeveralContainers_JoinedInAStableOrder()
    {
        Parse("""
            {"neuron_k8s_info":{"neuroncores_k8s_info":{"00":{"pod_name":"p","namespace":"n","container_name":["sidecar","app","sidecar"]},
                                                        "x":{"pod_name":"q"},"1":{"namespace":""}},"error":""}}
            """);

        _report.Kubernetes!.Cores.Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, KubernetesPlacement>("0", new("p", "n", "app,sidecar")));
    }

    [Fact]
    public void Parse_KubernetesError_NoPlacement()
    {
        Parse("""{"neuron_k8s_info":{"neuroncores_k8s_info":{"0":{"pod_name":"p"}},"error":"kubelet unreachable"}}""");

        _report.Kubernetes.Should().BeNull();
    }

    [Fact]
    public void Parse_UnchangedKubernetesBlock_SameObject()
    {
        const string json = """{"neuron_k8s_info":{"neuroncores_k8s_info":{"0":{"pod_name":"p","namespace":"n","container_name":["c"]}},"error":""}}""";
        Parse(json);
        var first = _report.Kubernetes;

        Parse("""{"instance_info":{}}""");
        _report.Kubernetes.Should().BeNull("every report says its own placement");
        Parse(json);

        _report.Kubernetes.Should().BeSameAs(first);
        Parse(json.Replace("\"p\"", "\"p2\"", StringComparison.Ordinal));
        _report.Kubernetes.Should().NotBeSameAs(first);
        _report.Kubernetes!.Cores["0"].PodName.Should().Be("p2");
    }
}
