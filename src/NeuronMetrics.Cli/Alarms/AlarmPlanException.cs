namespace NeuronMetrics.Cli.Alarms;

/// <summary>The alarms cannot be made from these options; the message says what to change (exit 2).</summary>
internal sealed class AlarmPlanException(string message) : Exception(message);
