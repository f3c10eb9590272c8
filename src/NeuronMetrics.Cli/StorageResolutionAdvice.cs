using NeuronMetrics.Aggregation;

namespace NeuronMetrics.Cli;

/// <summary>
/// Combinations of storage resolution, flush interval and aggregation that work but rarely do
/// what was meant; said once at startup as a warning, never refused.
/// </summary>
internal static class StorageResolutionAdvice
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    public static string? Check(int storageResolution, TimeSpan flushInterval, AggregationMode mode)
    {
        if (storageResolution == 60 && flushInterval < Minute)
        {
            return $"--flush-interval {flushInterval.TotalSeconds:0.###}s with --storage-resolution 60: CloudWatch keeps one-minute data, so the shorter interval only adds requests (about {Minute / flushInterval:0.#}x); use --storage-resolution 1 for sub-minute data";
        }

        if (storageResolution == 1 && flushInterval >= Minute && mode != AggregationMode.None)
        {
            return $"--storage-resolution 1 with --flush-interval {flushInterval.TotalSeconds:0.###}s: each datum covers the whole interval, so high resolution adds nothing; use a flush interval under 60s (or --aggregation none)";
        }

        return null;
    }
}
