using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests;

/// <summary>
/// Hosts that run several Neuron processes, where every runtime lists every core (0 for the cores it
/// does not use): the built executable sends to moto_server, and what GetMetricStatistics reads back
/// is compared with values computed here from the input with System.Text.Json — per report and core,
/// utilization is the max over the runtimes, core memory the sum, the instance average the mean of
/// the per-core values.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MultiRuntimeEndToEndTests(MotoServerFixture moto)
{
    [Fact]
    public async Task Send_FourContainerInf1_PerCoreMaxMemorySumAndInstanceAverage()
    {
        string[] lines = File.ReadAllLines(RepositoryFiles.Sample("inf1.xlarge-four-containers.jsonl"));
        var expected = Expect(lines);
        expected.Utilization.Keys.Should().HaveCount(4);

        var stored = await SendAsync(lines, ["--config", RepositoryFiles.Sample("monitor-all-groups.conf"), "--instance-average"]);

        ShouldHold(stored, "NeuronCoreUtilization", expected.Utilization);
        ShouldHold(stored, "NeuronCoreMemoryUsed", expected.CoreMemory);
        ShouldHold(stored, "NeuronCoreUtilizationAverage", new() { [""] = expected.Average });
        ShouldHold(stored, "NeuronRuntimeHostMemoryUsed", new() { [""] = expected.HostMemory });
    }

    [Fact]
    public async Task Send_Trn1With32ContainerRuntimes_EachCoreReadsItsProcessUtilization()
    {
        // AWS's trn1n fixture shape: 32 processes, each pid 1 in its own container (tag "1"), each
        // using one of the 32 cores and listing all 32. Averaging the zeros in reads 32x too low.
        var random = new Random(1713);
        var lines = Enumerable.Range(0, 6).Select(_ => Trn1Report(random)).ToArray();
        var expected = Expect(lines);

        var stored = await SendAsync(lines, ["--instance-average"]);

        ShouldHold(stored, "NeuronCoreUtilization", expected.Utilization);
        ShouldHold(stored, "NeuronCoreUtilizationAverage", new() { [""] = expected.Average });
        stored.Where(m => m.MetricName == "NeuronCoreUtilization").Sum(m => m.SampleCount).Should().Be(32 * lines.Length, "one value per core per report");
    }

    private async Task<IReadOnlyList<MetricStatistics>> SendAsync(string[] lines, string[] options)
    {
        string metricNamespace = "NeuronE2E/" + Guid.NewGuid().ToString("N");
        var result = await NeuronCwProcess.RunAsync(
            ["--endpoint-url", moto.Url, "--region", CloudWatchReadback.Region, "--namespace", metricNamespace, .. options],
            string.Join('\n', lines) + "\n",
            MotoServerEndToEndTests.DummyCredentials(),
            TimeSpan.FromSeconds(90));

        result.ExitCode.Should().Be(0, result.ToString());
        SummaryLine.Parse(result)["dropped"].Should().Be(0);
        return await CloudWatchReadback.ReadAsync(moto.Url, metricNamespace);
    }

    private static void ShouldHold(IReadOnlyList<MetricStatistics> stored, string name, Dictionary<string, List<double>> expected)
    {
        var metrics = stored.Where(m => m.MetricName == name).ToList();
        metrics.Select(m => m.Dimensions.GetValueOrDefault("NeuronCore", "")).Should().BeEquivalentTo(expected.Keys, name);
        foreach (var metric in metrics)
        {
            var values = expected[metric.Dimensions.GetValueOrDefault("NeuronCore", "")];
            string what = $"{name} {string.Join(",", metric.Dimensions.Select(d => d.Key + "=" + d.Value))}";
            metric.SampleCount.Should().Be(values.Count, what);
            metric.Sum.Should().BeApproximately(values.Sum(), Math.Max(1e-6, values.Sum() * 1e-12), what);
            // Means are summed in another order here than in neuron-cw: equal to the last bits only.
            metric.Minimum!.Value.Should().BeApproximately(values.Min(), Math.Abs(values.Min()) * 1e-12, what);
            metric.Maximum!.Value.Should().BeApproximately(values.Max(), Math.Abs(values.Max()) * 1e-12, what);
        }
    }

    /// <summary>Per core (and "" for per-instance metrics), one value per report, computed from the raw input.</summary>
    private static Expected Expect(IEnumerable<string> lines)
    {
        var expected = new Expected();
        foreach (string line in lines)
        {
            using var report = JsonDocument.Parse(line);
            var utilization = new SortedDictionary<string, double>(StringComparer.Ordinal);
            var memory = new SortedDictionary<string, double>(StringComparer.Ordinal);
            double host = 0;
            foreach (var runtime in report.RootElement.GetProperty("neuron_runtime_data").EnumerateArray())
            {
                var groups = runtime.GetProperty("report");
                foreach (var core in groups.GetProperty("neuroncore_counters").GetProperty("neuroncores_in_use").EnumerateObject())
                {
                    utilization[core.Name] = Math.Max(utilization.GetValueOrDefault(core.Name, double.MinValue), core.Value.GetProperty("neuroncore_utilization").GetDouble());
                }

                if (groups.TryGetProperty("memory_used", out var used))
                {
                    var bytes = used.GetProperty("neuron_runtime_used_bytes");
                    host += bytes.GetProperty("host").GetDouble();
                    foreach (var core in bytes.GetProperty("usage_breakdown").GetProperty("neuroncore_memory_usage").EnumerateObject())
                    {
                        memory[core.Name] = memory.GetValueOrDefault(core.Name) + core.Value.EnumerateObject().Sum(c => c.Value.GetDouble());
                    }
                }
            }

            foreach (var (core, value) in utilization)
            {
                expected.Utilization.TryAdd(core, []);
                expected.Utilization[core].Add(value);
            }

            foreach (var (core, value) in memory)
            {
                expected.CoreMemory.TryAdd(core, []);
                expected.CoreMemory[core].Add(value);
            }

            expected.Average.Add(utilization.Values.Average());
            expected.HostMemory.Add(host);
        }

        return expected;
    }

    private static string Trn1Report(Random random)
    {
        var runtimes = new JsonArray();
        for (int process = 0; process < 32; process++)
        {
            var cores = new JsonObject();
            for (int core = 0; core < 32; core++)
            {
                cores[core.ToString(CultureInfo.InvariantCulture)] = new JsonObject
                {
                    ["neuroncore_utilization"] = core == process ? Math.Round(random.NextDouble() * 100, 6) : 0,
                };
            }

            runtimes.Add(new JsonObject
            {
                ["pid"] = 700_000 + process,
                ["neuron_runtime_tag"] = "1",
                ["error"] = "",
                ["report"] = new JsonObject { ["neuroncore_counters"] = new JsonObject { ["period"] = 5.0, ["neuroncores_in_use"] = cores, ["error"] = "" } },
            });
        }

        return new JsonObject
        {
            ["neuron_runtime_data"] = runtimes,
            ["system_data"] = null,
            ["instance_info"] = new JsonObject { ["instance_id"] = "i-0trn1n000000000a", ["instance_type"] = "trn1n.32xlarge", ["error"] = "" },
            ["neuron_hardware_info"] = new JsonObject { ["neuron_device_count"] = 16, ["neuroncore_per_device_count"] = 2, ["error"] = "" },
        }.ToJsonString();
    }

    private sealed class Expected
    {
        public Dictionary<string, List<double>> Utilization { get; } = [];

        public Dictionary<string, List<double>> CoreMemory { get; } = [];

        public List<double> Average { get; } = [];

        public List<double> HostMemory { get; } = [];
    }
}
