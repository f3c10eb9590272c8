using System.Globalization;
using System.Text.Json;

namespace NeuronMetrics.Cost;

/// <summary>
/// Writes plausible neuron-monitor reports with every group for an instance shape, so an estimate
/// can be made without a sample from that instance. Values vary from report to report (as real
/// utilization does) because distinct values decide how large aggregated datums get.
/// </summary>
public static class SyntheticReportWriter
{
    public const string PlaceholderInstanceId = "i-00000000000000000";

    public static byte[] Write(InstanceShape shape, int reportIndex)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            var random = new Random(reportIndex);
            w.WriteStartObject();
            w.WriteStartArray("neuron_runtime_data");
            w.WriteStartObject();
            w.WriteNumber("pid", 1000);
            w.WriteString("neuron_runtime_tag", "inference");
            w.WriteString("error", "");
            w.WriteStartObject("report");
            WriteNeuronCoreCounters(w, shape, random);
            WriteMemoryUsed(w, shape, random);
            WriteRuntimeVcpu(w, random);
            WriteExecutionStats(w, random);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();

            w.WriteStartObject("system_data");
            WriteSystemVcpu(w, shape, random);
            WriteMemoryInfo(w, random);
            WriteHardwareCounters(w, shape);
            w.WriteEndObject();

            w.WriteStartObject("instance_info");
            w.WriteString("instance_id", PlaceholderInstanceId);
            w.WriteString("instance_type", shape.InstanceType);
            w.WriteString("instance_region", "us-east-1");
            w.WriteString("instance_availability_zone", "us-east-1a");
            w.WriteString("error", "");
            w.WriteEndObject();
            w.WriteStartObject("neuron_hardware_info");
            w.WriteNumber("neuron_device_count", shape.NeuronDevices);
            w.WriteNumber("neuroncore_per_device_count", shape.NeuronCores / shape.NeuronDevices);
            w.WriteString("error", "");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static double Percent(Random random) => Math.Round(random.NextDouble() * 100, 10);

    private static void WriteNeuronCoreCounters(Utf8JsonWriter w, InstanceShape shape, Random random)
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
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteString("error", "");
        w.WriteEndObject();
    }

    private static void WriteMemoryUsed(Utf8JsonWriter w, InstanceShape shape, Random random)
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

    private static void WriteRuntimeVcpu(Utf8JsonWriter w, Random random)
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

    private static void WriteExecutionStats(Utf8JsonWriter w, Random random)
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

    private static void WriteSystemVcpu(Utf8JsonWriter w, InstanceShape shape, Random random)
    {
        w.WriteStartObject("vcpu_usage");
        w.WriteNumber("period", 1.0);
        WriteCpu(w, "average_usage", random);
        w.WriteStartObject("usage_data");
        for (int cpu = 0; cpu < shape.Vcpus; cpu++)
        {
            WriteCpu(w, Index(cpu), random);
        }

        w.WriteEndObject();
        w.WriteNumber("context_switch_count", 190_000 + random.Next(1000));
        w.WriteString("error", "");
        w.WriteEndObject();
    }

    private static void WriteCpu(Utf8JsonWriter w, string name, Random random)
    {
        double user = Math.Round(random.NextDouble() * 50, 2);
        w.WriteStartObject(name);
        w.WriteNumber("user", user);
        w.WriteNumber("nice", 0);
        w.WriteNumber("system", Math.Round(user / 6, 2));
        w.WriteNumber("idle", Math.Round(100 - user - (user / 6), 2));
        w.WriteNumber("io_wait", 0.1);
        w.WriteNumber("irq", 0);
        w.WriteNumber("soft_irq", 0.1);
        w.WriteEndObject();
    }

    private static void WriteMemoryInfo(Utf8JsonWriter w, Random random)
    {
        w.WriteStartObject("memory_info");
        w.WriteNumber("period", 1.0);
        w.WriteNumber("memory_total_bytes", 512L << 30);
        w.WriteNumber("memory_used_bytes", (100L << 30) + random.Next(1 << 20));
        w.WriteNumber("swap_total_bytes", 0);
        w.WriteNumber("swap_used_bytes", 0);
        w.WriteString("error", "");
        w.WriteEndObject();
    }

    private static void WriteHardwareCounters(Utf8JsonWriter w, InstanceShape shape)
    {
        w.WriteStartObject("neuron_hw_counters");
        w.WriteNumber("period", 1.0);
        w.WriteStartArray("neuron_devices");
        for (int device = 0; device < shape.NeuronDevices; device++)
        {
            w.WriteStartObject();
            w.WriteNumber("neuron_device_index", device);
            w.WriteNumber("mem_ecc_corrected", 0);
            w.WriteNumber("mem_ecc_uncorrected", 0);
            w.WriteNumber("sram_ecc_corrected", 0);
            w.WriteNumber("sram_ecc_uncorrected", 0);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("error", "");
        w.WriteEndObject();
    }
}
