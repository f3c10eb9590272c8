namespace NeuronMetrics.Sinks;

/// <summary>CloudWatch Embedded Metric Format limits (EMF specification).</summary>
public static class EmfLimits
{
    /// <summary>Metrics in one MetricDirective (and so in one document: we write one directive per document).</summary>
    public const int MaxMetricsPerDirective = 100;

    /// <summary>Entries in one metric's value array.</summary>
    public const int MaxValuesPerMetric = 100;

    /// <summary>Dimension keys in one DimensionSet.</summary>
    public const int MaxDimensionsPerSet = 30;
}
