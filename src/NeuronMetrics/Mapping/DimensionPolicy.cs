using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// The dimensions every metric of an instance (and runtime) carries, before the mapper adds its
/// own (such as <c>NeuronCore</c>). Cached: they change only when the instance info or runtime do.
/// </summary>
public sealed class DimensionPolicy
{
    private InstanceInfo? _lastInstance;
    private Dimension[] _lastDimensions = [];

    public Dimension[] For(InstanceInfo instance)
    {
        if (ReferenceEquals(instance, _lastInstance))
        {
            return _lastDimensions;
        }

        _lastDimensions = instance.InstanceId is { } id ? [new Dimension(DimensionNames.InstanceId, id)] : [];
        _lastInstance = instance;
        return _lastDimensions;
    }
}
