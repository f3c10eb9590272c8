using System.Globalization;

namespace NeuronMetrics.CloudWatch.Transport;

/// <summary>Request compression settings, from the SDK-standard environment variables.</summary>
internal sealed record CompressionSettings(bool Enabled, int MinSizeBytes)
{
    public const string DisableVariable = "AWS_DISABLE_REQUEST_COMPRESSION";
    public const string MinSizeVariable = "AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES";

    public static CompressionSettings Default { get; } = new(true, CloudWatchLimits.DefaultMinCompressionSizeBytes);

    /// <summary>
    /// Reads the settings through <paramref name="environment"/>; an invalid value is an error
    /// (returned as <paramref name="error"/>) rather than silently ignored, like the AWS SDKs.
    /// </summary>
    public static CompressionSettings FromEnvironment(Func<string, string?> environment, out string? error)
    {
        error = null;
        var enabled = true;
        var disable = environment(DisableVariable);
        if (!string.IsNullOrWhiteSpace(disable))
        {
            if (bool.TryParse(disable.Trim(), out var disabled))
            {
                enabled = !disabled;
            }
            else
            {
                error = $"{DisableVariable} must be true or false, not '{disable}'";
            }
        }

        var minSize = CloudWatchLimits.DefaultMinCompressionSizeBytes;
        var min = environment(MinSizeVariable);
        if (!string.IsNullOrWhiteSpace(min))
        {
            if (int.TryParse(min.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                && parsed <= CloudWatchLimits.MaxMinCompressionSizeBytes)
            {
                minSize = parsed;
            }
            else
            {
                error = $"{MinSizeVariable} must be an integer in 0..{CloudWatchLimits.MaxMinCompressionSizeBytes}, not '{min}'";
            }
        }

        return new CompressionSettings(enabled, minSize);
    }
}
