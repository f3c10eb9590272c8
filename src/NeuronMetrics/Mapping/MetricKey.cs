using NeuronMetrics.Model;

namespace NeuronMetrics.Mapping;

/// <summary>
/// The identity of a CloudWatch metric (name, unit, dimensions) plus the partition (instance)
/// whose request it belongs to. Samples with equal keys are aggregated together.
/// </summary>
public sealed class MetricKey : IEquatable<MetricKey>
{
    private readonly int _hash;

    public MetricKey(string name, string unit, Dimension[] dimensions, string partition, AcrossRuntimes merge = AcrossRuntimes.NotApplicable)
    {
        Merge = merge;
        Name = name;
        Unit = unit;
        Dimensions = dimensions;
        Partition = partition;
        var hash = new HashCode();
        hash.Add(name, StringComparer.Ordinal);
        hash.Add(unit, StringComparer.Ordinal);
        hash.Add(partition, StringComparer.Ordinal);
        foreach (var d in dimensions)
        {
            hash.Add(d.Name, StringComparer.Ordinal);
            hash.Add(d.Value, StringComparer.Ordinal);
        }

        _hash = hash.ToHashCode();
    }

    public string Name { get; }

    public string Unit { get; }

    public IReadOnlyList<Dimension> Dimensions { get; }

    public string Partition { get; }

    /// <summary>How values of several runtimes in one report combine (from the metric's definition; not part of the identity).</summary>
    public AcrossRuntimes Merge { get; }

    public bool Equals(MetricKey? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._hash != _hash || !string.Equals(Name, other.Name, StringComparison.Ordinal)
            || !string.Equals(Unit, other.Unit, StringComparison.Ordinal)
            || !string.Equals(Partition, other.Partition, StringComparison.Ordinal)
            || Dimensions.Count != other.Dimensions.Count)
        {
            return false;
        }

        for (int i = 0; i < Dimensions.Count; i++)
        {
            if (Dimensions[i] != other.Dimensions[i])
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as MetricKey);

    public override int GetHashCode() => _hash;

    public override string ToString() => $"{Name}[{string.Join(",", Dimensions.Select(d => d.Name + "=" + d.Value))}]";
}
