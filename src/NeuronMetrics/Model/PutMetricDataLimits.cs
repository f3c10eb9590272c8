namespace NeuronMetrics.Model;

/// <summary>CloudWatch PutMetricData limits that shape aggregation and batching.</summary>
public static class PutMetricDataLimits
{
    /// <summary>Datums (MetricData members) in one PutMetricData request.</summary>
    public const int MaxDatumsPerRequest = 1000;

    /// <summary>Bytes of one PutMetricData request body (1 MB; kept a little under to leave room for headers).</summary>
    public const int MaxRequestBytes = 1_000_000;

    /// <summary>Distinct values (Values/Counts entries) in one datum.</summary>
    public const int MaxValuesPerDatum = 150;
}
