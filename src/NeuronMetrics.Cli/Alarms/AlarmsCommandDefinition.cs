using System.CommandLine;
using System.Globalization;
using NeuronMetrics.CloudWatch;
using static NeuronMetrics.Cli.OptionParsers;

namespace NeuronMetrics.Cli.Alarms;

/// <summary>The <c>alarms</c> subcommand: the run options (shared with the root command) plus these.</summary>
internal sealed class AlarmsCommandDefinition
{
    public Option<string?> InstanceId { get; } = new("--instance-id")
    {
        Description = "The instance to alarm on. Default: EC2 instance metadata, else the first report of --input.",
        HelpName = "ID",
    };

    public Option<string?> Input { get; } = new("--input")
    {
        Description = "A file of neuron-monitor reports whose first report names the instance (when neither --instance-id nor instance metadata does).",
        HelpName = "FILE",
    };

    public Option<double> IdleBelow { get; } = new("--idle-below")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Idle: mean NeuronCore utilization below this percentage (0 to 100). [default: {CliDefaults.IdleBelowPercent}]"),
        HelpName = "PERCENT",
    };

    public Option<TimeSpan> IdleFor { get; } = new("--idle-for")
    {
        Description = $"Idle: for this long (1m to 7d). [default: {FormatDuration(CliDefaults.IdleFor)}]",
        CustomParser = Duration(TimeSpan.FromMinutes(1), TimeSpan.FromDays(7)),
        HelpName = "DURATION",
    };

    public Option<TimeSpan> StoppedFor { get; } = new("--stopped-for")
    {
        Description = $"Stopped reporting: no datum for this long (1m to 3h). [default: {FormatDuration(CliDefaults.StoppedFor)}]",
        CustomParser = Duration(TimeSpan.FromMinutes(1), TimeSpan.FromHours(3)),
        HelpName = "DURATION",
    };

    public Option<string[]> AlarmAction { get; } = new("--alarm-action")
    {
        Description = $"ARN to notify or act when an alarm fires (repeatable, at most {AlarmLimits.MaxActions}): an SNS topic, or arn:aws:automate:REGION:ec2:stop (idle alarm only).",
        HelpName = "ARN",
    };

    public Option<bool> Put { get; } = new("--put")
    {
        Description = "Send them with PutMetricAlarm (same region, endpoint and credentials as a run) instead of printing them.",
    };

    public Command CreateCommand()
    {
        var command = new Command("alarms", "Prints CloudWatch alarms for one instance (one aws cloudwatch put-metric-alarm --cli-input-json document per line) on the metrics a run with the same options sends: idle, stopped reporting, uncorrected ECC and execution errors; --put sends them.")
        {
            InstanceId, Input, IdleBelow, IdleFor, StoppedFor, AlarmAction, Put,
        };
        IdleBelow.Validators.Add(r =>
        {
            double value = r.GetValueOrDefault<double>();
            if (!(value is > 0 and <= 100))
            {
                r.AddError("--idle-below: must be above 0 and at most 100 (percent)");
            }
        });
        AlarmAction.Validators.Add(r =>
        {
            var actions = r.GetValueOrDefault<string[]>() ?? [];
            if (actions.Length > AlarmLimits.MaxActions)
            {
                r.AddError($"--alarm-action: at most {AlarmLimits.MaxActions} actions per alarm");
            }

            foreach (string action in actions)
            {
                if (AlarmActionArn.Validate(action) is { } error)
                {
                    r.AddError($"--alarm-action: {error}");
                }
            }
        });
        return command;
    }

    public AlarmsOptions ToOptions(ParseResult result) => new()
    {
        InstanceId = result.GetValue(InstanceId),
        InputPath = result.GetValue(Input),
        IdleBelowPercent = CliOptionsMapper.Value(result, IdleBelow, CliDefaults.IdleBelowPercent),
        IdleFor = CliOptionsMapper.Value(result, IdleFor, CliDefaults.IdleFor),
        StoppedFor = CliOptionsMapper.Value(result, StoppedFor, CliDefaults.StoppedFor),
        Actions = [.. (result.GetValue(AlarmAction) ?? []).Distinct(StringComparer.Ordinal)],
        Put = result.GetValue(Put),
    };
}
