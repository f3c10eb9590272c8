using System.Globalization;
using System.Text;
using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// Every metric this tool can send, in one place: mappers, <c>--metrics</c>, the README table and
/// cost estimates read it from here.
/// </summary>
public static class MetricCatalog
{
    // Must stay the first static field: the definitions below take their ids from it in textual order.
    private static int _nextId;

    public static readonly MetricDefinition NeuronCoreUtilization = Define(
        MetricNames.NeuronCoreUtilization, MetricUnit.Percent, GroupTypeNames.NeuronCoreCounters, MetricScope.NeuronCore,
        "Busy time of the NeuronCore (neuroncore_utilization).", maximum: 100);

    public static readonly MetricDefinition NeuronCoreUtilizationAverage = Define(
        MetricNames.NeuronCoreUtilizationAverage, MetricUnit.Percent, GroupTypeNames.NeuronCoreCounters, MetricScope.Instance,
        "Mean utilization over the cores of each report, for alarms and scaling (--instance-average).", optIn: true, maximum: 100);

    public static readonly MetricDefinition NeuronCoreFlops = Define(
        MetricNames.NeuronCoreFlops, MetricUnit.CountPerSecond, GroupTypeNames.NeuronCoreCounters, MetricScope.NeuronCore,
        "Floating point operations per second (flops; newer neuron-monitor).", optIn: true);

    public static readonly MetricDefinition NeuronCoreEffectiveFlops = Define(
        MetricNames.NeuronCoreEffectiveFlops, MetricUnit.CountPerSecond, GroupTypeNames.NeuronCoreCounters, MetricScope.NeuronCore,
        "Effective floating point operations per second (effective_flops; newer neuron-monitor).", optIn: true);

    public static readonly MetricDefinition NeuronRuntimeHostMemoryUsed = Define(
        MetricNames.NeuronRuntimeHostMemoryUsed, MetricUnit.Bytes, GroupTypeNames.MemoryUsed, MetricScope.Runtime,
        "Host memory used by the runtime (neuron_runtime_used_bytes.host).");

    public static readonly MetricDefinition NeuronRuntimeDeviceMemoryUsed = Define(
        MetricNames.NeuronRuntimeDeviceMemoryUsed, MetricUnit.Bytes, GroupTypeNames.MemoryUsed, MetricScope.Runtime,
        "Neuron device memory used by the runtime (neuron_runtime_used_bytes.neuron_device, or .device).");

    public static readonly MetricDefinition NeuronCoreMemoryUsed = Define(
        MetricNames.NeuronCoreMemoryUsed, MetricUnit.Bytes, GroupTypeNames.MemoryUsed, MetricScope.NeuronCore,
        "Device memory used on the core: sum of the categories of usage_breakdown.neuroncore_memory_usage.<core>.");

    public static readonly MetricDefinition NeuronRuntimeVcpuUser = Define(
        MetricNames.NeuronRuntimeVcpuUser, MetricUnit.Percent, GroupTypeNames.RuntimeVcpuUsage, MetricScope.Runtime,
        "vCPU time of the runtime in user code (vcpu_usage.user).");

    public static readonly MetricDefinition NeuronRuntimeVcpuSystem = Define(
        MetricNames.NeuronRuntimeVcpuSystem, MetricUnit.Percent, GroupTypeNames.RuntimeVcpuUsage, MetricScope.Runtime,
        "vCPU time of the runtime in kernel code (vcpu_usage.system).");

    public static readonly MetricDefinition ExecutionsCompleted = Define(
        MetricNames.ExecutionsCompleted, MetricUnit.Count, GroupTypeNames.ExecutionStats, MetricScope.Runtime,
        "Executions completed in the period (execution_summary.completed); use Sum.");

    public static readonly MetricDefinition ExecutionErrors = Define(
        MetricNames.ExecutionErrors, MetricUnit.Count, GroupTypeNames.ExecutionStats, MetricScope.Runtime,
        "Execution errors in the period, all kinds (sum of error_summary); use Sum.");

    public static readonly MetricDefinition ExecutionsTimedOut = Define(
        MetricNames.ExecutionsTimedOut, MetricUnit.Count, GroupTypeNames.ExecutionStats, MetricScope.Runtime,
        "Executions that timed out in the period (execution_summary.timed_out); use Sum.");

    public static readonly MetricDefinition ExecutionLatencyP50 = Define(
        MetricNames.ExecutionLatencyP50, MetricUnit.Seconds, GroupTypeNames.ExecutionStats, MetricScope.Runtime,
        "Median total execution latency of the period (latency_stats.total_latency.p50).");

    public static readonly MetricDefinition ExecutionLatencyP99 = Define(
        MetricNames.ExecutionLatencyP99, MetricUnit.Seconds, GroupTypeNames.ExecutionStats, MetricScope.Runtime,
        "99th percentile total execution latency of the period (latency_stats.total_latency.p99).");

    public static readonly MetricDefinition DeviceLatencyP50 = Define(
        MetricNames.DeviceLatencyP50, MetricUnit.Seconds, GroupTypeNames.ExecutionStats, MetricScope.Runtime,
        "Median on-device execution latency of the period (latency_stats.device_latency.p50).");

    public static readonly MetricDefinition DeviceLatencyP99 = Define(
        MetricNames.DeviceLatencyP99, MetricUnit.Seconds, GroupTypeNames.ExecutionStats, MetricScope.Runtime,
        "99th percentile on-device execution latency of the period (latency_stats.device_latency.p99).");

    public static readonly MetricDefinition SystemVcpuUser = Define(
        MetricNames.SystemVcpuUser, MetricUnit.Percent, GroupTypeNames.VcpuUsage, MetricScope.Instance,
        "Average vCPU time in user code (average_usage.user).", maximum: 100);

    public static readonly MetricDefinition SystemVcpuSystem = Define(
        MetricNames.SystemVcpuSystem, MetricUnit.Percent, GroupTypeNames.VcpuUsage, MetricScope.Instance,
        "Average vCPU time in kernel code (average_usage.system).", maximum: 100);

    public static readonly MetricDefinition SystemVcpuIoWait = Define(
        MetricNames.SystemVcpuIoWait, MetricUnit.Percent, GroupTypeNames.VcpuUsage, MetricScope.Instance,
        "Average vCPU time waiting for IO (average_usage.io_wait).", optIn: true, maximum: 100);

    public static readonly MetricDefinition SystemMemoryUsed = Define(
        MetricNames.SystemMemoryUsed, MetricUnit.Bytes, GroupTypeNames.MemoryInfo, MetricScope.Instance,
        "Host memory in use (memory_used_bytes).");

    public static readonly MetricDefinition SystemMemoryTotal = Define(
        MetricNames.SystemMemoryTotal, MetricUnit.Bytes, GroupTypeNames.MemoryInfo, MetricScope.Instance,
        "Host memory size (memory_total_bytes); constant, so opt-in.", optIn: true);

    public static readonly MetricDefinition SystemSwapUsed = Define(
        MetricNames.SystemSwapUsed, MetricUnit.Bytes, GroupTypeNames.MemoryInfo, MetricScope.Instance,
        "Swap in use (swap_used_bytes).");

    public static readonly MetricDefinition SystemSwapTotal = Define(
        MetricNames.SystemSwapTotal, MetricUnit.Bytes, GroupTypeNames.MemoryInfo, MetricScope.Instance,
        "Swap size (swap_total_bytes); constant, so opt-in.", optIn: true);

    public static readonly MetricDefinition NeuronDeviceEccCorrected = Define(
        MetricNames.NeuronDeviceEccCorrected, MetricUnit.Count, GroupTypeNames.HardwareCounters, MetricScope.NeuronDevice,
        "Corrected ECC events in the period, device memory plus SRAM (mem_ecc_corrected + sram_ecc_corrected); use Sum.");

    public static readonly MetricDefinition NeuronDeviceEccUncorrected = Define(
        MetricNames.NeuronDeviceEccUncorrected, MetricUnit.Count, GroupTypeNames.HardwareCounters, MetricScope.NeuronDevice,
        "Uncorrected ECC events in the period (mem_ecc_uncorrected + sram_ecc_uncorrected); use Sum.");

    /// <summary>Every definition, in id order.</summary>
    public static readonly IReadOnlyList<MetricDefinition> All =
    [
        NeuronCoreUtilization, NeuronCoreUtilizationAverage, NeuronCoreFlops, NeuronCoreEffectiveFlops,
        NeuronRuntimeHostMemoryUsed, NeuronRuntimeDeviceMemoryUsed, NeuronCoreMemoryUsed,
        NeuronRuntimeVcpuUser, NeuronRuntimeVcpuSystem,
        ExecutionsCompleted, ExecutionErrors, ExecutionsTimedOut, ExecutionLatencyP50, ExecutionLatencyP99, DeviceLatencyP50, DeviceLatencyP99,
        SystemVcpuUser, SystemVcpuSystem, SystemVcpuIoWait,
        SystemMemoryUsed, SystemMemoryTotal, SystemSwapUsed, SystemSwapTotal,
        NeuronDeviceEccCorrected, NeuronDeviceEccUncorrected,
    ];

    /// <summary>The definitions of one group type (config name).</summary>
    public static IEnumerable<MetricDefinition> ForGroup(string groupType) =>
        All.Where(d => string.Equals(d.GroupType, GroupTypeNames.Canonical(groupType), StringComparison.Ordinal));

    /// <summary>The catalog as a markdown table (README).</summary>
    public static string ToMarkdownTable()
    {
        var text = new StringBuilder();
        text.AppendLine("| Metric | Unit | Group | One per | Default | Description |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var d in All)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{d.Name}` | {d.Unit} | `{d.GroupType}` | {Per(d.Scope)} | {(d.OptIn ? "opt-in" : "yes")} | {d.Description} |");
        }

        return text.ToString();
    }

    /// <summary>What one stream of <paramref name="scope"/> stands for, in words.</summary>
    public static string Per(MetricScope scope) => scope switch
    {
        MetricScope.Instance => "instance",
        MetricScope.Runtime => "runtime",
        MetricScope.NeuronCore => "NeuronCore",
        _ => "Neuron device",
    };

    private static MetricDefinition Define(string name, string unit, string group, MetricScope scope, string description, bool optIn = false, double maximum = double.MaxValue) =>
        new(_nextId++, name, unit, group, scope, description, optIn, maximum);
}
