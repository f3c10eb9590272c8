using NeuronMetrics.CloudWatch;

namespace NeuronMetrics.Cli.Alarms;

/// <summary>
/// --alarm-action values: an ARN (<c>arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE</c>), such as an SNS topic or the EC2
/// action <c>arn:aws:automate:REGION:ec2:stop</c>. EC2 actions stop or terminate the instance, so they go on the idle
/// alarm only.
/// </summary>
internal static class AlarmActionArn
{
    /// <summary>Why <paramref name="arn"/> is not an ARN an alarm can act on, or null.</summary>
    public static string? Validate(string arn)
    {
        if (arn.Length > AlarmLimits.MaxActionArnLength)
        {
            return $"longer than {AlarmLimits.MaxActionArnLength} characters";
        }

        var parts = arn.Split(':', 6);
        bool partition = parts.Length > 1 && parts[1] is "aws" || (parts.Length > 1 && parts[1].StartsWith("aws-", StringComparison.Ordinal) && parts[1].Length > 4);
        return parts.Length == 6 && parts[0] == "arn" && partition && parts[2].Length > 0 && parts[5].Length > 0
            && arn.All(c => c is > ' ' and <= '~')
            ? null
            : $"'{arn}' is not an ARN (arn:aws:sns:REGION:ACCOUNT:TOPIC, or arn:aws:automate:REGION:ec2:stop)";
    }

    /// <summary>An EC2 action (stop, terminate, reboot, recover) of the instance.</summary>
    public static bool IsEc2Action(string arn) => arn.Split(':') is [_, _, "automate", _, "ec2", ..];
}
