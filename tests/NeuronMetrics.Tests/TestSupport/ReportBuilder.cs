using System.Text.Json.Nodes;

namespace NeuronMetrics.Tests;

/// <summary>Writes neuron-monitor reports in the shape real hosts print: every runtime lists every core of the instance.</summary>
internal static class ReportBuilder
{
    public static string Build(string instanceId, params RuntimeSpec[] runtimes) => Build(instanceId, runtimes, extra: null);

    /// <param name="extra">Top-level properties added to the report (e.g. neuron_k8s_info).</param>
    public static string Build(string instanceId, IEnumerable<RuntimeSpec> runtimes, JsonObject? extra)
    {
        var data = new JsonArray();
        foreach (var runtime in runtimes)
        {
            var cores = new JsonObject();
            var memory = new JsonObject();
            for (int core = 0; core < runtime.Utilization.Length; core++)
            {
                cores[Index(core)] = new JsonObject { ["neuroncore_utilization"] = runtime.Utilization[core] };
                if (runtime.CoreMemory is { } coreMemory)
                {
                    memory[Index(core)] = new JsonObject { ["constants"] = 0, ["model_code"] = 0, ["tensors"] = coreMemory[core] };
                }
            }

            data.Add(new JsonObject
            {
                ["pid"] = runtime.Pid,
                ["neuron_runtime_tag"] = runtime.Tag,
                ["error"] = runtime.Error,
                ["report"] = new JsonObject
                {
                    ["neuroncore_counters"] = new JsonObject { ["period"] = 1.0, ["neuroncores_in_use"] = cores, ["error"] = "" },
                    ["memory_used"] = new JsonObject
                    {
                        ["neuron_runtime_used_bytes"] = new JsonObject
                        {
                            ["host"] = runtime.HostMemory,
                            ["neuron_device"] = 0,
                            ["usage_breakdown"] = new JsonObject { ["neuroncore_memory_usage"] = memory },
                        },
                        ["error"] = "",
                    },
                    ["neuron_runtime_vcpu_usage"] = new JsonObject { ["vcpu_usage"] = new JsonObject { ["user"] = runtime.VcpuUser, ["system"] = 1 }, ["error"] = "" },
                    ["execution_stats"] = new JsonObject
                    {
                        ["execution_summary"] = new JsonObject { ["completed"] = runtime.Completed, ["timed_out"] = 0 },
                        ["error_summary"] = new JsonObject { ["generic"] = 0 },
                        ["latency_stats"] = new JsonObject
                        {
                            ["total_latency"] = new JsonObject { ["p0"] = runtime.Latency.P0, ["p50"] = runtime.Latency.P50, ["p100"] = runtime.Latency.P100 },
                            ["device_latency"] = null,
                        },
                        ["error"] = "",
                    },
                },
            });
        }

        var report = new JsonObject
        {
            ["neuron_runtime_data"] = data,
            ["system_data"] = null,
            ["instance_info"] = new JsonObject { ["instance_id"] = instanceId, ["instance_type"] = "trn1.32xlarge", ["error"] = "" },
        };
        foreach (var (name, value) in extra ?? [])
        {
            report[name] = value?.DeepClone();
        }

        return report.ToJsonString() + "\n";
    }

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
