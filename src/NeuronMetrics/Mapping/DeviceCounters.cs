namespace NeuronMetrics.Mapping;

/// <summary>A device's ECC counters as <see cref="DeviceCountersReader"/> read them: its index ("" when it has none) and two sums.</summary>
internal readonly record struct DeviceCounters(string Device, CounterSum Corrected, CounterSum Uncorrected);
