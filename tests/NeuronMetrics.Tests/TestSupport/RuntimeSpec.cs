namespace NeuronMetrics.Tests;

/// <summary>One runtime of a generated report (<see cref="ReportBuilder"/>): every core it lists, and its runtime-level values.</summary>
internal sealed record RuntimeSpec(string Tag, long Pid, double[] Utilization)
{
    /// <summary>Device memory per core (usage_breakdown.neuroncore_memory_usage.&lt;core&gt;.tensors); null: none reported.</summary>
    public double[]? CoreMemory { get; init; }

    public double HostMemory { get; init; } = 1_000;

    public double VcpuUser { get; init; } = 10;

    public int Completed { get; init; } = 100;

    /// <summary>Total latency p0, p50, p100.</summary>
    public (double P0, double P50, double P100) Latency { get; init; } = (0.01, 0.02, 0.03);

    public string Error { get; init; } = "";
}
