using System.Globalization;
using System.Text.Json;

namespace NeuronMetrics.Cost;

/// <summary>The runtime-level groups of a synthetic report (<see cref="SyntheticReportWriter"/>): one runtime using every core.</summary>
internal static class SyntheticRuntimeGroups
{
    public static void NeuronCoreCounters(Utf8JsonWriter w, InstanceShape shape, Random random)
    {
        w.WriteStartObject("neuroncore_counters");
        w.WriteNumber("period", 1.0);
        w.WriteStartObject("neuroncores_in_use");
        for (int core = 0; core < shape.NeuronCores; core++)
        {
            w.WriteStartObject(Index(core));
            double utilization = Percent(random);
            w.WriteNumber("neuroncore_utilization", utilization);
            w.WriteNumber("flops", Math.Round(utilization * 1e10));
            w.WriteNumber("effective_flops", Math.Round(utilization * 9e9));
            if (shape.InstanceType.StartsWith("trn2", StringComparison.Ordinal))
            {
                // LNC=2: two physical cores behind each logical one.
                w.WriteStartObject("v3d");
                for (int physical = 0; physical < 2; physical++)
                {
                    w.WriteStartObject("nc_v3." + Index((core * 2) + physical));
                    w.WriteNumber("neuroncore_utilization", Percent(random));
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteString("error", "");
        w.WriteEndObject();
    }

    public static void MemoryUsed(Utf8JsonWriter w, InstanceShape shape, Random random)
    {
        w.WriteStartObject("memory_used");
        w.WriteNumber("period", 1.0);
        w.WriteStartObject("neuron_runtime_used_bytes");
        w.WriteNumber("host", 9_000_000 + random.Next(1000));
        w.WriteNumber("neuron_device", 3_500_000_000L + random.Next(1000));
        w.WriteStartObject("usage_breakdown");
        w.WriteStartObject("neuroncore_memory_usage");
        for (int core = 0; core < shape.NeuronCores; core++)
        {
            w.WriteStartObject(Index(core));
            w.WriteNumber("constants", 0);
            w.WriteNumber("model_code", 100_752_896);
            w.WriteNumber("model_shared_scratchpad", 0);
            w.WriteNumber("runtime_memory", 0);
            w.WriteNumber("tensors", 9_912_852 + random.Next(1000));
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("loaded_models");
        w.WriteEndArray();
        w.WriteString("error", "");
        w.WriteEndObject();
    }

    public static void RuntimeVcpu(Utf8JsonWriter w, Random random)
    {
        w.WriteStartObject("neuron_runtime_vcpu_usage");
        w.WriteNumber("period", 1.0);
        w.WriteStartObject("vcpu_usage");
        w.WriteNumber("user", Percent(random));
        w.WriteNumber("system", Percent(random) / 10);
        w.WriteEndObject();
        w.WriteString("error", "");
        w.WriteEndObject();
    }

    public static void ExecutionStats(Utf8JsonWriter w, Random random)
    {
        w.WriteStartObject("execution_stats");
        w.WriteNumber("period", 1.0);
        w.WriteStartObject("error_summary");
        foreach (string name in new[] { "generic", "numerical", "transient", "model", "runtime", "hardware" })
        {
            w.WriteNumber(name, 0);
        }

        w.WriteEndObject();
        w.WriteStartObject("execution_summary");
        w.WriteNumber("completed", 50 + random.Next(20));
        foreach (string name in new[] { "completed_with_err", "completed_with_num_err", "timed_out", "incorrect_input", "failed_to_queue" })
        {
            w.WriteNumber(name, 0);
        }

        w.WriteEndObject();
        w.WriteStartObject("latency_stats");
        foreach (string latency in new[] { "total_latency", "device_latency" })
        {
            w.WriteStartObject(latency);
            double p = 0.01 + (random.NextDouble() / 100);
            foreach (string percentile in new[] { "p0", "p1", "p25", "p50", "p75", "p99", "p100" })
            {
                w.WriteNumber(percentile, Math.Round(p, 6));
                p *= 1.05;
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteString("error", "");
        w.WriteEndObject();
    }

    public static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static double Percent(Random random) => Math.Round(random.NextDouble() * 100, 10);
}
