using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests;

/// <summary>Configs and reports of every neuron-monitor vintage, and what real hosts print, through the real process (dry run).</summary>
public sealed class VintageEndToEndTests : IDisposable
{
    private static readonly string Inf1AllGroups = File.ReadLines(RepositoryFiles.Sample("inf1.xlarge-all-groups.jsonl")).First();

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("neuron-cw-vintage-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task DryRun_InferenceStatsEraConfig_SendsExecutionMetrics()
    {
        var result = await DryRunAsync(["--config", RepositoryFiles.Sample("monitor-inference-stats-era.conf")], Inf1AllGroups);

        Names(result).Should().BeEquivalentTo(
            "NeuronCoreUtilization", "ExecutionsCompleted", "ExecutionErrors", "ExecutionsTimedOut",
            "ExecutionLatencyP50", "ExecutionLatencyP99", "DeviceLatencyP50", "DeviceLatencyP99");
    }

    [Fact]
    public async Task DryRun_InstanceDataBlock_GivesTheInstanceDimensions()
    {
        string report = Inf1AllGroups.Replace("\"instance_info\"", "\"instance_data\"", StringComparison.Ordinal);

        var result = await DryRunAsync(["--dimensions", "InstanceId,InstanceType"], report);

        Datums(result).Should().OnlyContain(d => d.Dimensions["InstanceId"] == "i-0123456789abcdef0" && d.Dimensions["InstanceType"] == "inf1.xlarge");
    }

    [Fact]
    public async Task DryRun_TagFilterWithoutAnchors_KeepsTagsThatContainIt()
    {
        string config = await ConfigAsync("""{"neuron_runtimes":[{"tag_filter":"my_app","metrics":[{"type":"neuroncore_counters"}]}]}""");
        string report = Inf1AllGroups.Replace("\"neuron_runtime_tag\":\"11\"", "\"neuron_runtime_tag\":\"my_app_1\"", StringComparison.Ordinal);

        var result = await DryRunAsync(["--config", config], report);

        Names(result).Should().Equal("NeuronCoreUtilization");
        result.StderrLines.Should().NotContain(l => l.Contains("warning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DryRun_NeuronRtdAddressEntry_SelectsThatDaemonOnly()
    {
        string config = await ConfigAsync("""{"neuron_runtimes":[{"address":"unix:/run/neuron.sock","metrics":[{"type":"neuroncore_counters"}]}]}""");
        const string report = """
            {"neuron_runtime_data":[
              {"pid":0,"address":"unix:/run/neuron.sock","neuron_runtime_tag":"unix:/run/neuron.sock","error":"","report":{"neuroncore_counters":{"neuroncores_in_use":{"0":{"neuroncore_utilization":12.5}},"error":""}}},
              {"pid":9,"address":"","neuron_runtime_tag":"app","error":"","report":{"neuroncore_counters":{"neuroncores_in_use":{"0":{"neuroncore_utilization":99}},"error":""}}}],
             "instance_info":{"instance_id":"i-1"}}
            """;

        var result = await DryRunAsync(["--config", config], report.ReplaceLineEndings(""));

        Datums(result).Should().ContainSingle().Which.Samples.Should().Equal(12.5);
    }

    [Fact]
    public async Task DryRun_2020BetaReports_OneWarningNothingSent()
    {
        const string beta = """{"runtime_data":[{"runtime_index":0,"error":"","report":{"nc_counters":{"period":1.0,"neuron_cores":{"0":{"neuroncore_utilization":42.01}},"error":""}}}],"system_data":{},"instance_data":{"instance_id":"i-0011223344556677a","instance_type":"inf1.xlarge"}}""";

        var result = await NeuronCwProcess.RunAsync(["--dry-run"], string.Join("\n", Enumerable.Repeat(beta, 5)) + "\n");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StderrLines.Where(l => l.Contains(": warning: ", StringComparison.Ordinal)).Should().Equal(
            "neuron-cw: warning: line 1: neuron-monitor 2020 beta report (runtime_data, nc_counters): this pre-release format is not supported: update aws-neuron-tools (neuron-monitor); every such report is skipped and counted as rejected");
        SummaryLine.Parse(result)["rejected"].Should().Be(5);
    }

    [Fact]
    public async Task DryRun_TagFilterKeepsNothing_SaysWhyAndNamesTheTags()
    {
        string config = await ConfigAsync("""{"neuron_runtimes":[{"tag_filter":"^resnet$","metrics":[{"type":"neuroncore_counters"}]}]}""");

        var result = await DryRunAsync(["--config", config], File.ReadAllLines(RepositoryFiles.Sample("inf1.xlarge-four-containers.jsonl")));

        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().Contain(
            "neuron-cw: warning: runtime tag '1' matches no neuron_runtimes entry of the config (tag_filter \"^resnet$\" (neuron_runtimes[0])): its metrics are not sent (tag_filter is a regex searched in the tag)");
        result.StderrLines.Should().Contain(
            "neuron-cw: warning: reports arrive but nothing is sent: the tag filters kept no runtime (tags seen: '1'; config: tag_filter \"^resnet$\" (neuron_runtimes[0]))");
    }

    [Fact]
    public async Task DryRun_RuntimeTagDimensionOnContainerPids_WarnsAboutPidsAndSharedTags()
    {
        var result = await DryRunAsync(["--dimensions", "InstanceId,RuntimeTag"], File.ReadAllLines(RepositoryFiles.Sample("inf1.xlarge-four-containers.jsonl")));

        result.StderrLines.Should().Contain(l => l.StartsWith("neuron-cw: warning: runtime tag '1' is a pid (a container-local pid", StringComparison.Ordinal));
        result.StderrLines.Should().Contain(l => l.StartsWith("neuron-cw: warning: several runtimes share the tag '1'", StringComparison.Ordinal));
        Datums(result).Should().HaveCount(4).And.OnlyContain(d => d.Counts!.Sum() == 10, "one value per core per report");
    }

    [Fact]
    public async Task DryRun_KubernetesDimensions_PerCoreFromNeuronK8sInfo()
    {
        var result = await DryRunAsync(["--dimensions", "InstanceId,PodName,Namespace,ContainerName"], File.ReadAllLines(RepositoryFiles.Sample("inf2.xlarge-kubernetes.jsonl")));

        Datums(result).Select(d => string.Join(",", d.Dimensions.Select(x => x.Key + "=" + x.Value))).Should().BeEquivalentTo(
            "InstanceId=i-0d1e2f3a4b5c6d7e8,PodName=bert-7d9f-x2k4q,Namespace=inference,ContainerName=server,NeuronCore=0",
            "InstanceId=i-0d1e2f3a4b5c6d7e8,PodName=bert-7d9f-x2k4q,Namespace=inference,ContainerName=server,NeuronCore=1");
    }

    [Fact]
    public async Task DryRun_NewOptInMetrics_SentWhenNamed()
    {
        var result = await DryRunAsync(
            ["--config", RepositoryFiles.Sample("monitor-all-groups.conf"), "--metrics", "ExecutionsFailedToQueue,ExecutionErrorsByKind,ExecutionLatencyP0,DeviceLatencyP100"],
            Inf1AllGroups);

        Names(result).Should().BeEquivalentTo("ExecutionsFailedToQueue", "ExecutionLatencyP0", "DeviceLatencyP100", "ExecutionErrorsByKind");
        Datums(result).Where(d => d.MetricName == "ExecutionErrorsByKind").Select(d => d.Dimensions["ErrorKind"])
            .Should().BeEquivalentTo("generic", "numerical", "transient", "model", "runtime", "hardware");
    }

    private static async Task<NeuronCwResult> DryRunAsync(string[] options, params string[] reports)
    {
        var result = await NeuronCwProcess.RunAsync(["--dry-run", .. options], string.Join("\n", reports) + "\n");
        result.ExitCode.Should().Be(0, result.ToString());
        return result;
    }

    private static List<DryRunDatum> Datums(NeuronCwResult result) => [.. DryRunRequest.ParseAll(result).SelectMany(r => r.MetricData)];

    /// <summary>The metric names sent (once each; per-core metrics have one datum per core).</summary>
    private static IEnumerable<string> Names(NeuronCwResult result) => Datums(result).Select(d => d.MetricName).Distinct();

    private async Task<string> ConfigAsync(string json)
    {
        string path = Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N") + ".conf");
        await File.WriteAllTextAsync(path, json);
        return path;
    }
}
