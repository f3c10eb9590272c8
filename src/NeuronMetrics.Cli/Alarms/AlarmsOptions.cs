namespace NeuronMetrics.Cli.Alarms;

/// <summary>The validated options of <c>neuron-cw alarms</c> (the run options come in <see cref="CliOptions"/>).</summary>
internal sealed record AlarmsOptions
{
    public string? InstanceId { get; init; }

    public string? InputPath { get; init; }

    public double IdleBelowPercent { get; init; } = CliDefaults.IdleBelowPercent;

    public TimeSpan IdleFor { get; init; } = CliDefaults.IdleFor;

    public TimeSpan StoppedFor { get; init; } = CliDefaults.StoppedFor;

    public IReadOnlyList<string> Actions { get; init; } = [];

    public bool Put { get; init; }
}
