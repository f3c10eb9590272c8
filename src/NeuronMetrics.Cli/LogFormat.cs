namespace NeuronMetrics.Cli;

/// <summary>--log-format of the stderr diagnostics.</summary>
internal enum LogFormat
{
    /// <summary>"neuron-cw: level: message" lines, for people and journald.</summary>
    Text,

    /// <summary>One JSON object per line with time, level and message, for CloudWatch Logs and other collectors.</summary>
    Json,
}
