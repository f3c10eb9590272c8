namespace NeuronMetrics.Cli;

/// <summary>--output: where the metrics go (--dry-run is separate and wins over nothing: they are exclusive).</summary>
internal enum OutputKind
{
    /// <summary>PutMetricData calls.</summary>
    CloudWatch,

    /// <summary>CloudWatch Embedded Metric Format documents on stdout, for a log agent.</summary>
    Emf,
}
