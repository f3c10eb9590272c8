namespace NeuronMetrics.Config;

/// <summary>A config file that cannot be used; the message names the file and the field.</summary>
public sealed class ConfigException(string message) : Exception(message);
