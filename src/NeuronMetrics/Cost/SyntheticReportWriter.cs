using System.Text.Json;

namespace NeuronMetrics.Cost;

/// <summary>
/// Writes plausible neuron-monitor reports with every group for an instance shape, so an estimate
/// can be made without a sample from that instance. Values vary from report to report (as real
/// utilization does) because distinct values decide how large aggregated datums get. Trn2 cores
/// carry their physical cores (<c>v3d</c>), trn2u instances an UltraServer id, and every report a
/// Kubernetes placement, so the opt-in metrics and dimensions they feed are counted too.
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
            SyntheticRuntimeGroups.NeuronCoreCounters(w, shape, random);
            SyntheticRuntimeGroups.MemoryUsed(w, shape, random);
            SyntheticRuntimeGroups.RuntimeVcpu(w, random);
            SyntheticRuntimeGroups.ExecutionStats(w, random);
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
            if (shape.InstanceType.StartsWith("trn2u", StringComparison.Ordinal))
            {
                w.WriteString("ultraserver_id", "us-00000000");
            }

            w.WriteString("error", "");
            w.WriteEndObject();
            WriteKubernetes(w, shape);
            w.WriteStartObject("neuron_hardware_info");
            w.WriteNumber("neuron_device_count", shape.NeuronDevices);
            w.WriteNumber("neuroncore_per_device_count", shape.NeuronCores / shape.NeuronDevices);
            w.WriteString("error", "");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }


    private static void WriteSystemVcpu(Utf8JsonWriter w, InstanceShape shape, Random random)
    {
        w.WriteStartObject("vcpu_usage");
        w.WriteNumber("period", 1.0);
        WriteCpu(w, "average_usage", random);
        w.WriteStartObject("usage_data");
        for (int cpu = 0; cpu < shape.Vcpus; cpu++)
        {
            WriteCpu(w, SyntheticRuntimeGroups.Index(cpu), random);
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

    private static void WriteKubernetes(Utf8JsonWriter w, InstanceShape shape)
    {
        w.WriteStartObject("neuron_k8s_info");
        foreach (var (name, count) in new[] { ("neuroncores_k8s_info", shape.NeuronCores), ("neurondevices_k8s_info", shape.NeuronDevices) })
        {
            w.WriteStartObject(name);
            for (int i = 0; i < count; i++)
            {
                w.WriteStartObject(SyntheticRuntimeGroups.Index(i));
                w.WriteString("pod_name", "inference-0");
                w.WriteString("namespace", "default");
                w.WriteStartArray("container_name");
                w.WriteStringValue("inference");
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteString("error", "");
        w.WriteEndObject();
    }
}
