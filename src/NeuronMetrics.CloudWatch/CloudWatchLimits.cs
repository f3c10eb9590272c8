using NeuronMetrics.Model;

namespace NeuronMetrics.CloudWatch;

/// <summary>The PutMetricData limits this project enforces, in one place so they are easy to audit.</summary>
public static class CloudWatchLimits
{
    /// <summary>Maximum datums (MetricData members) in one PutMetricData request.</summary>
    public const int MaxDatumsPerRequest = PutMetricDataLimits.MaxDatumsPerRequest;

    /// <summary>Maximum size of an uncompressed PutMetricData request body (1 MB).</summary>
    public const int MaxRequestBodyBytes = 1_048_576;

    /// <summary>Maximum dimensions on one datum.</summary>
    public const int MaxDimensionsPerDatum = 30;

    /// <summary>Maximum entries in a datum's Values (and Counts) arrays.</summary>
    public const int MaxValuesPerDatum = PutMetricDataLimits.MaxValuesPerDatum;

    /// <summary>Maximum length of a namespace, in characters.</summary>
    public const int MaxNamespaceLength = 255;

    /// <summary>Maximum length of a metric name, in characters.</summary>
    public const int MaxMetricNameLength = 255;

    /// <summary>Maximum length of a dimension name, in characters.</summary>
    public const int MaxDimensionNameLength = 255;

    /// <summary>Maximum length of a dimension value, in characters.</summary>
    public const int MaxDimensionValueLength = 1024;

    /// <summary>Smallest non-zero magnitude CloudWatch accepts for a value (base 2: 2^-360).</summary>
    public const double MinValueMagnitude = 8.515920e-109;

    /// <summary>Largest magnitude CloudWatch accepts for a value (base 2: 2^360).</summary>
    public const double MaxValueMagnitude = 1.174271e+108;

    /// <summary>How far in the past a datum's timestamp may be.</summary>
    public static readonly TimeSpan MaxTimestampAge = TimeSpan.FromDays(14);

    /// <summary>How far in the future a datum's timestamp may be.</summary>
    public static readonly TimeSpan MaxTimestampLead = TimeSpan.FromHours(2);

    /// <summary>StorageResolution of a high-resolution metric, in seconds.</summary>
    public const int HighResolutionSeconds = 1;

    /// <summary>StorageResolution of a standard-resolution metric, in seconds (the service default).</summary>
    public const int StandardResolutionSeconds = 60;

    /// <summary>Namespace prefix reserved for AWS services.</summary>
    public const string ReservedNamespacePrefix = "AWS/";

    /// <summary>Default body size from which requests are gzip-compressed (SDK-wide default, bytes).</summary>
    public const int DefaultMinCompressionSizeBytes = 10_240;

    /// <summary>Largest accepted value of AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES (10 MiB).</summary>
    public const int MaxMinCompressionSizeBytes = 10_485_760;
}
