using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Aggregation;

/// <summary>The parts of a datum that come from its key and the run's settings.</summary>
internal readonly record struct MetricDatumTemplate(MetricKey Key, int StorageResolution)
{
    public MetricDatum Create(DateTimeOffset timestamp) => new()
    {
        MetricName = Key.Name,
        Dimensions = Key.Dimensions,
        Unit = Key.Unit,
        Timestamp = timestamp,
        StorageResolution = StorageResolution,
    };
}
