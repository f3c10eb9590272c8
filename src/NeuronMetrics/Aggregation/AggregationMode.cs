namespace NeuronMetrics.Aggregation;

public enum AggregationMode
{
    /// <summary>Values/Counts: every distinct value once with its count; percentiles stay available.</summary>
    Values,

    /// <summary>One StatisticSet (count, sum, min, max) per metric and interval.</summary>
    Statistics,

    /// <summary>One datum per sample with its own timestamp.</summary>
    None,
}
