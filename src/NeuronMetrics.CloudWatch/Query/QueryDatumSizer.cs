using NeuronMetrics.Batching;
using NeuronMetrics.Model;

namespace NeuronMetrics.CloudWatch.Query;

/// <summary>
/// Exact encoded sizes for the batcher: runs the very same code as <see cref="QueryEncoder"/> into a
/// counting output, so the sum of <see cref="DatumSize"/> plus <see cref="RequestOverhead"/> equals the body length.
/// </summary>
internal sealed class QueryDatumSizer : IDatumSizer
{
    public static readonly QueryDatumSizer Instance = new();

    public int RequestOverhead(string metricNamespace)
    {
        var counter = default(CountingOutput);
        QueryEncoder.WriteHeader(ref counter, metricNamespace);
        return counter.Count;
    }

    public int DatumSize(MetricDatum datum, int memberIndex)
    {
        var counter = default(CountingOutput);
        QueryEncoder.WriteDatum(ref counter, datum, memberIndex);
        return counter.Count;
    }
}
