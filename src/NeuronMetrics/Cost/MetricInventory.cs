using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Cost;

/// <summary>
/// The distinct custom metrics datums make, as CloudWatch bills them: one per name and dimension
/// set. Metrics with an InstanceId are each instance's own; the others are shared by the fleet.
/// Not thread-safe.
/// </summary>
public sealed class MetricInventory
{
    private readonly HashSet<(string Name, string Dimensions)> _metrics = [];
    private readonly HashSet<string> _partitions = new(StringComparer.Ordinal);
    private long _perInstance;

    /// <summary>Distinct metrics seen, all instances together.</summary>
    public int Count => _metrics.Count;

    /// <summary>Instances (batching partitions) seen; at least 1.</summary>
    public int Instances => Math.Max(1, _partitions.Count);

    /// <summary>Metrics one instance creates (rounded up over the instances seen).</summary>
    public long MetricsPerInstance => (long)Math.Ceiling(_perInstance / (double)Instances);

    /// <summary>Metrics without an InstanceId: counted once, however many instances write them.</summary>
    public long SharedMetrics => _metrics.Count - _perInstance;

    public IReadOnlyList<string> Names => [.. _metrics.Select(m => m.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public void Add(string partition, MetricDatum datum)
    {
        _partitions.Add(partition);
        bool perInstance = false;
        foreach (var d in datum.Dimensions)
        {
            perInstance |= d.Name == DimensionNames.InstanceId;
        }

        if (_metrics.Add((datum.MetricName, string.Join('|', datum.Dimensions.Select(d => d.Name + "=" + d.Value)))) && perInstance)
        {
            _perInstance++;
        }
    }
}
