namespace NeuronMetrics.CloudWatch;

/// <summary>A configuration problem (region, endpoint, environment settings) with a message fit for the user.</summary>
public sealed class CloudWatchConfigurationException : Exception
{
    public CloudWatchConfigurationException(string message)
        : base(message)
    {
    }

    public CloudWatchConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
