using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// Every metric this tool can send, in one place: mappers, <c>--metrics</c>, the README table
/// (<see cref="MetricCatalogTable"/>) and cost estimates read it from here, including how values of
/// several runtimes combine (<see cref="MetricDefinition.Merge"/>). A definition's id is its index
/// in <see cref="All"/>, given in the order of definition below.
/// </summary>
public static class MetricCatalog
{
    /// <summary>latency_stats percentiles, in report order; p50 and p99 are sent by default.</summary>
    private static readonly string[] Percentiles = ["p0", "p1", "p25", "p50", "p75", "p99", "p100"];

    static MetricCatalog()
    {
        var all = new List<MetricDefinition>();
        MetricDefinition Add(string name, string unit, string group, MetricScope scope, AcrossRuntimes merge, string description, bool optIn = false, double maximum = double.MaxValue)
        {
            var definition = new MetricDefinition(all.Count, name, unit, group, scope, description, optIn, maximum, merge);
            all.Add(definition);
            return definition;
        }

        const string Cores = GroupTypeNames.NeuronCoreCounters;
        NeuronCoreUtilization = Add(MetricNames.NeuronCoreUtilization, MetricUnit.Percent, Cores, MetricScope.NeuronCore, AcrossRuntimes.Max,
            "Busy time of the NeuronCore (neuroncore_utilization).", maximum: 100);
        NeuronCoreUtilizationAverage = Add(MetricNames.NeuronCoreUtilizationAverage, MetricUnit.Percent, Cores, MetricScope.Instance, AcrossRuntimes.NotApplicable,
            "Mean over the instance's cores of their utilization in each report, for alarms and scaling (--instance-average).", optIn: true, maximum: 100);
        NeuronCoreFlops = Add(MetricNames.NeuronCoreFlops, MetricUnit.CountPerSecond, Cores, MetricScope.NeuronCore, AcrossRuntimes.Sum,
            "Floating point operations per second (flops; newer neuron-monitor).", optIn: true);
        NeuronCoreEffectiveFlops = Add(MetricNames.NeuronCoreEffectiveFlops, MetricUnit.CountPerSecond, Cores, MetricScope.NeuronCore, AcrossRuntimes.Sum,
            "Effective floating point operations per second (effective_flops; newer neuron-monitor).", optIn: true);
        PhysicalNeuronCoreUtilization = Add(MetricNames.PhysicalNeuronCoreUtilization, MetricUnit.Percent, Cores, MetricScope.PhysicalCore, AcrossRuntimes.Max,
            "Busy time of each physical core behind a logical NeuronCore (trn2: v3d.<nc_v3.N>.neuroncore_utilization).", optIn: true, maximum: 100);

        const string Memory = GroupTypeNames.MemoryUsed;
        NeuronRuntimeHostMemoryUsed = Add(MetricNames.NeuronRuntimeHostMemoryUsed, MetricUnit.Bytes, Memory, MetricScope.Runtime, AcrossRuntimes.Sum,
            "Host memory used by the runtime (neuron_runtime_used_bytes.host).");
        NeuronRuntimeDeviceMemoryUsed = Add(MetricNames.NeuronRuntimeDeviceMemoryUsed, MetricUnit.Bytes, Memory, MetricScope.Runtime, AcrossRuntimes.Sum,
            "Neuron device memory used by the runtime (neuron_runtime_used_bytes.neuron_device, or .device).");
        NeuronCoreMemoryUsed = Add(MetricNames.NeuronCoreMemoryUsed, MetricUnit.Bytes, Memory, MetricScope.NeuronCore, AcrossRuntimes.Sum,
            "Device memory used on the core: sum of the categories of usage_breakdown.neuroncore_memory_usage.<core>.");

        const string RuntimeVcpu = GroupTypeNames.RuntimeVcpuUsage;
        NeuronRuntimeVcpuUser = Add(MetricNames.NeuronRuntimeVcpuUser, MetricUnit.Percent, RuntimeVcpu, MetricScope.Runtime, AcrossRuntimes.Sum,
            "vCPU time of the runtime in user code (vcpu_usage.user).");
        NeuronRuntimeVcpuSystem = Add(MetricNames.NeuronRuntimeVcpuSystem, MetricUnit.Percent, RuntimeVcpu, MetricScope.Runtime, AcrossRuntimes.Sum,
            "vCPU time of the runtime in kernel code (vcpu_usage.system).");

        const string Execution = GroupTypeNames.ExecutionStats;
        MetricDefinition Outcome(string name, string field, string what, bool optIn = true) => Add(name, MetricUnit.Count, Execution, MetricScope.Runtime, AcrossRuntimes.Sum,
            $"{what} in the period (execution_summary.{field}); use Sum.", optIn);
        ExecutionsCompleted = Outcome(MetricNames.ExecutionsCompleted, "completed", "Executions completed", optIn: false);
        ExecutionErrors = Add(MetricNames.ExecutionErrors, MetricUnit.Count, Execution, MetricScope.Runtime, AcrossRuntimes.Sum,
            "Execution errors in the period, all kinds (sum of error_summary); use Sum.");
        ExecutionsTimedOut = Outcome(MetricNames.ExecutionsTimedOut, "timed_out", "Executions that timed out", optIn: false);
        ExecutionsCompletedWithError = Outcome(MetricNames.ExecutionsCompletedWithError, "completed_with_err", "Executions that ended in an error other than numerical");
        ExecutionsCompletedWithNumericalError = Outcome(MetricNames.ExecutionsCompletedWithNumericalError, "completed_with_num_err", "Executions that ended in a numerical error");
        ExecutionsIncorrectInput = Outcome(MetricNames.ExecutionsIncorrectInput, "incorrect_input", "Executions that did not start because of incorrect input");
        ExecutionsFailedToQueue = Outcome(MetricNames.ExecutionsFailedToQueue, "failed_to_queue", "Execution requests the runtime could not queue");
        ExecutionErrorsByKind = Add(MetricNames.ExecutionErrorsByKind, MetricUnit.Count, Execution, MetricScope.ErrorKind, AcrossRuntimes.Sum,
            "Execution errors in the period per kind, with an ErrorKind dimension (error_summary.<kind>: generic, numerical, transient, model, runtime, hardware); use Sum.", optIn: true);
        ExecutionLatency = [.. Percentiles.Select(p => Latency("ExecutionLatency", "total", "total_latency", p))];
        DeviceLatency = [.. Percentiles.Select(p => Latency("DeviceLatency", "on-device", "device_latency", p))];

        MetricDefinition Latency(string prefix, string kind, string field, string percentile) => Add(
            prefix + "P" + percentile[1..], MetricUnit.Seconds, Execution, MetricScope.Runtime, percentile == "p0" ? AcrossRuntimes.Min : AcrossRuntimes.Max,
            $"{PercentileWords(percentile)} {kind} execution latency of the period (latency_stats.{field}.{percentile}).", optIn: percentile is not ("p50" or "p99"));

        const string SystemVcpu = GroupTypeNames.VcpuUsage;
        SystemVcpuUser = Add(MetricNames.SystemVcpuUser, MetricUnit.Percent, SystemVcpu, MetricScope.Instance, AcrossRuntimes.NotApplicable,
            "Average vCPU time in user code (average_usage.user).", maximum: 100);
        SystemVcpuSystem = Add(MetricNames.SystemVcpuSystem, MetricUnit.Percent, SystemVcpu, MetricScope.Instance, AcrossRuntimes.NotApplicable,
            "Average vCPU time in kernel code (average_usage.system).", maximum: 100);
        SystemVcpuIoWait = Add(MetricNames.SystemVcpuIoWait, MetricUnit.Percent, SystemVcpu, MetricScope.Instance, AcrossRuntimes.NotApplicable,
            "Average vCPU time waiting for IO (average_usage.io_wait).", optIn: true, maximum: 100);

        const string MemoryInfo = GroupTypeNames.MemoryInfo;
        SystemMemoryUsed = Add(MetricNames.SystemMemoryUsed, MetricUnit.Bytes, MemoryInfo, MetricScope.Instance, AcrossRuntimes.NotApplicable,
            "Host memory in use (memory_used_bytes).");
        SystemMemoryTotal = Add(MetricNames.SystemMemoryTotal, MetricUnit.Bytes, MemoryInfo, MetricScope.Instance, AcrossRuntimes.NotApplicable,
            "Host memory size (memory_total_bytes); constant, so opt-in.", optIn: true);
        SystemSwapUsed = Add(MetricNames.SystemSwapUsed, MetricUnit.Bytes, MemoryInfo, MetricScope.Instance, AcrossRuntimes.NotApplicable,
            "Swap in use (swap_used_bytes).");
        SystemSwapTotal = Add(MetricNames.SystemSwapTotal, MetricUnit.Bytes, MemoryInfo, MetricScope.Instance, AcrossRuntimes.NotApplicable,
            "Swap size (swap_total_bytes); constant, so opt-in.", optIn: true);

        const string Hardware = GroupTypeNames.HardwareCounters;
        NeuronDeviceEccCorrected = Add(MetricNames.NeuronDeviceEccCorrected, MetricUnit.Count, Hardware, MetricScope.NeuronDevice, AcrossRuntimes.NotApplicable,
            "Corrected ECC events in the period, device memory plus SRAM (mem_ecc_corrected + sram_ecc_corrected); use Sum.");
        NeuronDeviceEccUncorrected = Add(MetricNames.NeuronDeviceEccUncorrected, MetricUnit.Count, Hardware, MetricScope.NeuronDevice, AcrossRuntimes.NotApplicable,
            "Uncorrected ECC events in the period (mem_ecc_uncorrected + sram_ecc_uncorrected); use Sum.");

        All = all;
    }

    public static MetricDefinition NeuronCoreUtilization { get; }

    public static MetricDefinition NeuronCoreUtilizationAverage { get; }

    public static MetricDefinition NeuronCoreFlops { get; }

    public static MetricDefinition NeuronCoreEffectiveFlops { get; }

    public static MetricDefinition PhysicalNeuronCoreUtilization { get; }

    public static MetricDefinition NeuronRuntimeHostMemoryUsed { get; }

    public static MetricDefinition NeuronRuntimeDeviceMemoryUsed { get; }

    public static MetricDefinition NeuronCoreMemoryUsed { get; }

    public static MetricDefinition NeuronRuntimeVcpuUser { get; }

    public static MetricDefinition NeuronRuntimeVcpuSystem { get; }

    public static MetricDefinition ExecutionsCompleted { get; }

    public static MetricDefinition ExecutionErrors { get; }

    public static MetricDefinition ExecutionsTimedOut { get; }

    public static MetricDefinition ExecutionsCompletedWithError { get; }

    public static MetricDefinition ExecutionsCompletedWithNumericalError { get; }

    public static MetricDefinition ExecutionsIncorrectInput { get; }

    public static MetricDefinition ExecutionsFailedToQueue { get; }

    public static MetricDefinition ExecutionErrorsByKind { get; }

    /// <summary>Total latency per percentile, in the order of <c>p0 p1 p25 p50 p75 p99 p100</c>.</summary>
    public static IReadOnlyList<MetricDefinition> ExecutionLatency { get; }

    /// <summary>On-device latency per percentile, in the order of <c>p0 p1 p25 p50 p75 p99 p100</c>.</summary>
    public static IReadOnlyList<MetricDefinition> DeviceLatency { get; }

    public static MetricDefinition SystemVcpuUser { get; }

    public static MetricDefinition SystemVcpuSystem { get; }

    public static MetricDefinition SystemVcpuIoWait { get; }

    public static MetricDefinition SystemMemoryUsed { get; }

    public static MetricDefinition SystemMemoryTotal { get; }

    public static MetricDefinition SystemSwapUsed { get; }

    public static MetricDefinition SystemSwapTotal { get; }

    public static MetricDefinition NeuronDeviceEccCorrected { get; }

    public static MetricDefinition NeuronDeviceEccUncorrected { get; }

    /// <summary>Every definition, in id order.</summary>
    public static IReadOnlyList<MetricDefinition> All { get; }

    /// <summary>The latency_stats percentile fields, in the order of <see cref="ExecutionLatency"/> and <see cref="DeviceLatency"/>.</summary>
    public static IReadOnlyList<string> LatencyPercentiles => Percentiles;

    /// <summary>The definitions of one group type (config name).</summary>
    public static IEnumerable<MetricDefinition> ForGroup(string groupType) =>
        All.Where(d => string.Equals(d.GroupType, GroupTypeNames.Canonical(groupType), StringComparison.Ordinal));

    private static string PercentileWords(string percentile) => percentile switch
    {
        "p0" => "Fastest",
        "p1" => "1st percentile",
        "p50" => "Median",
        "p100" => "Slowest",
        _ => percentile[1..] + "th percentile",
    };
}
