using NeuronMetrics.Model;

namespace NeuronMetrics.Tests;

/// <summary>Batches whose size is all a test cares about: <c>datums</c> Count datums "M" valued 0, 1, 2…</summary>
internal static class NumberedBatch
{
    public static MetricBatch Create(string name, int datums) => new("Neuron", name, Enumerable.Range(0, datums).Select(i => new MetricDatum
    {
        MetricName = "M",
        Dimensions = [],
        Timestamp = DateTimeOffset.UnixEpoch,
        Unit = "Count",
        Value = i,
    }).ToList());
}
