using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Aggregation;

/// <summary>The parts of a datum that come from its key and the run's settings.</summary>
internal readonly record struct MetricDatumTemplate(MetricKey Key, int StorageResolution)
{
    /// <summary>One datum object per call (no <c>with</c> copy): a fast replay emits millions.</summary>
    public MetricDatum Create(
        DateTimeOffset timestamp,
        double? value = null,
        double[]? values = null,
        double[]? counts = null,
        StatisticSet? statistics = null) => new()
    {
        MetricName = Key.Name,
        Dimensions = Key.Dimensions,
        Unit = Key.Unit,
        Timestamp = timestamp,
        StorageResolution = StorageResolution,
        Value = value,
        Values = values,
        Counts = counts,
        StatisticValues = statistics,
    };
}
