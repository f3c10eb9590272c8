namespace NeuronMetrics.Mapping;

/// <summary>Every metric name this tool sends (described in <see cref="MetricCatalog"/>).</summary>
public static class MetricNames
{
    // neuroncore_counters
    public const string NeuronCoreUtilization = "NeuronCoreUtilization";
    public const string NeuronCoreUtilizationAverage = "NeuronCoreUtilizationAverage";
    public const string NeuronCoreFlops = "NeuronCoreFlops";
    public const string NeuronCoreEffectiveFlops = "NeuronCoreEffectiveFlops";
    public const string PhysicalNeuronCoreUtilization = "PhysicalNeuronCoreUtilization";

    // memory_used
    public const string NeuronRuntimeHostMemoryUsed = "NeuronRuntimeHostMemoryUsed";
    public const string NeuronRuntimeDeviceMemoryUsed = "NeuronRuntimeDeviceMemoryUsed";
    public const string NeuronCoreMemoryUsed = "NeuronCoreMemoryUsed";

    // neuron_runtime_vcpu_usage
    public const string NeuronRuntimeVcpuUser = "NeuronRuntimeVcpuUser";
    public const string NeuronRuntimeVcpuSystem = "NeuronRuntimeVcpuSystem";

    // execution_stats (inference_stats)
    public const string ExecutionsCompleted = "ExecutionsCompleted";
    public const string ExecutionErrors = "ExecutionErrors";
    public const string ExecutionsTimedOut = "ExecutionsTimedOut";
    public const string ExecutionsCompletedWithError = "ExecutionsCompletedWithError";
    public const string ExecutionsCompletedWithNumericalError = "ExecutionsCompletedWithNumericalError";
    public const string ExecutionsIncorrectInput = "ExecutionsIncorrectInput";
    public const string ExecutionsFailedToQueue = "ExecutionsFailedToQueue";
    public const string ExecutionErrorsByKind = "ExecutionErrorsByKind";
    public const string ExecutionLatencyP0 = "ExecutionLatencyP0";
    public const string ExecutionLatencyP1 = "ExecutionLatencyP1";
    public const string ExecutionLatencyP25 = "ExecutionLatencyP25";
    public const string ExecutionLatencyP50 = "ExecutionLatencyP50";
    public const string ExecutionLatencyP75 = "ExecutionLatencyP75";
    public const string ExecutionLatencyP99 = "ExecutionLatencyP99";
    public const string ExecutionLatencyP100 = "ExecutionLatencyP100";
    public const string DeviceLatencyP0 = "DeviceLatencyP0";
    public const string DeviceLatencyP1 = "DeviceLatencyP1";
    public const string DeviceLatencyP25 = "DeviceLatencyP25";
    public const string DeviceLatencyP50 = "DeviceLatencyP50";
    public const string DeviceLatencyP75 = "DeviceLatencyP75";
    public const string DeviceLatencyP99 = "DeviceLatencyP99";
    public const string DeviceLatencyP100 = "DeviceLatencyP100";

    // vcpu_usage
    public const string SystemVcpuUser = "SystemVcpuUser";
    public const string SystemVcpuSystem = "SystemVcpuSystem";
    public const string SystemVcpuIoWait = "SystemVcpuIoWait";

    // memory_info
    public const string SystemMemoryUsed = "SystemMemoryUsed";
    public const string SystemMemoryTotal = "SystemMemoryTotal";
    public const string SystemSwapUsed = "SystemSwapUsed";
    public const string SystemSwapTotal = "SystemSwapTotal";

    // neuron_hw_counters
    public const string NeuronDeviceEccCorrected = "NeuronDeviceEccCorrected";
    public const string NeuronDeviceEccUncorrected = "NeuronDeviceEccUncorrected";

    /// <summary>
    /// Legacy naming (AWS sample script style): per-core metrics are named
    /// <c>&lt;name&gt;NC&lt;core&gt;</c> instead of carrying a NeuronCore dimension.
    /// </summary>
    public const string LegacyCoreSuffix = "NC";
}
