namespace NeuronMetrics.CloudWatch;

/// <summary>A configuration problem (region, endpoint, environment settings) with a message fit for the user.</summary>
public sealed class CloudWatchConfigurationException(string message) : Exception(message);
