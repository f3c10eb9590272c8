using System.Text.Json;

namespace NeuronMetrics.Reports;

/// <summary>The metric group names neuron-monitor uses, interned so reading a report does not allocate them.</summary>
public static class GroupTypeNames
{
    public const string NeuronCoreCounters = "neuroncore_counters";
    public const string MemoryUsed = "memory_used";
    public const string RuntimeVcpuUsage = "neuron_runtime_vcpu_usage";
    public const string ExecutionStats = "execution_stats";

    /// <summary>Older neuron-monitor versions' name for <see cref="ExecutionStats"/>.</summary>
    public const string InferenceStats = "inference_stats";

    public const string VcpuUsage = "vcpu_usage";
    public const string MemoryInfo = "memory_info";
    public const string HardwareCounters = "neuron_hw_counters";

    public static readonly IReadOnlyList<string> RuntimeGroups = [NeuronCoreCounters, MemoryUsed, RuntimeVcpuUsage, ExecutionStats, InferenceStats];

    public static readonly IReadOnlyList<string> SystemGroups = [VcpuUsage, MemoryInfo, HardwareCounters];

    private static readonly string[] Known = [.. RuntimeGroups, .. SystemGroups];

    /// <summary><see cref="Known"/> in UTF-8: compared as they are, not transcoded from UTF-16 on every compare.</summary>
    private static readonly byte[][] KnownUtf8 = [.. Known.Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <summary>The name a config uses for a group: older reports' <c>inference_stats</c> is <c>execution_stats</c>.</summary>
    public static string Canonical(string type) => type == InferenceStats ? ExecutionStats : type;

    /// <summary>The group name the reader is on, interned when known; null when it is not valid text.</summary>
    internal static string? Intern(ref Utf8JsonReader reader)
    {
        for (int i = 0; i < Known.Length; i++)
        {
            if (reader.ValueTextEquals(KnownUtf8[i]))
            {
                return Known[i];
            }
        }

        return JsonStringReader.Read(ref reader, out _);
    }
}
