using NeuronMetrics.Model;

namespace NeuronMetrics.Batching;

/// <summary>
/// The encoded size of a datum in a PutMetricData request body, so the batcher can respect the
/// request size limit without knowing the wire format.
/// </summary>
public interface IDatumSizer
{
    /// <summary>Bytes of the request that do not depend on the datums (action, version, namespace).</summary>
    int RequestOverhead(string metricNamespace);

    /// <summary>Bytes added by <paramref name="datum"/> as member number <paramref name="memberIndex"/> (1-based).</summary>
    int DatumSize(MetricDatum datum, int memberIndex);
}
