using System.Runtime.CompilerServices;
using NeuronMetrics.Model;

namespace NeuronMetrics.Sinks;

/// <summary>Compares (partition, name, dimensions) by reference: the same objects mean the same series, cheaply.</summary>
internal sealed class CountedSeriesComparer : IEqualityComparer<(string Partition, string Name, IReadOnlyList<Dimension> Dimensions)>
{
    public static readonly CountedSeriesComparer Instance = new();

    public bool Equals((string Partition, string Name, IReadOnlyList<Dimension> Dimensions) x, (string Partition, string Name, IReadOnlyList<Dimension> Dimensions) y) =>
        ReferenceEquals(x.Partition, y.Partition) && ReferenceEquals(x.Name, y.Name) && ReferenceEquals(x.Dimensions, y.Dimensions);

    public int GetHashCode((string Partition, string Name, IReadOnlyList<Dimension> Dimensions) obj) =>
        HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Partition), RuntimeHelpers.GetHashCode(obj.Name), RuntimeHelpers.GetHashCode(obj.Dimensions));
}
