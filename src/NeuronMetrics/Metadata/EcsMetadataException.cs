namespace NeuronMetrics.Metadata;

/// <summary>The ECS task metadata could not be read; the message says why, for one stderr line.</summary>
public sealed class EcsMetadataException(string message, Exception? inner = null) : Exception(message, inner);
