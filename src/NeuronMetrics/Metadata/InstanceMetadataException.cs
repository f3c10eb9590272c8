namespace NeuronMetrics.Metadata;

/// <summary>Instance metadata is missing or unusable; the message says why, for one stderr line.</summary>
public sealed class InstanceMetadataException(string message, Exception? inner = null) : Exception(message, inner);
