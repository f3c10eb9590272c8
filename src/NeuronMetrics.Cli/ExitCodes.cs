namespace NeuronMetrics.Cli;

/// <summary>Process exit codes (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>Input read to the end (or stopped by a signal) and everything delivered.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure.</summary>
    public const int Failure = 1;

    /// <summary>Bad command line, config, region, endpoint or ECS task metadata (nothing was read), or no region even in the first report; alarms: the options do not send what an alarm needs (--instance-average), or no instance.</summary>
    public const int UsageError = 2;

    /// <summary>Some datums could not be delivered (dropped or in doubt, see the stats line), or stdout was closed; dashboard/alarms --put: CloudWatch refused a request or did not answer.</summary>
    public const int DataDropped = 3;

    /// <summary>Not a dry run and no AWS credentials could be found; nothing was read.</summary>
    public const int NoCredentials = 4;

    /// <summary>Every request was refused on authentication or permission for --auth-failure-timeout; dashboard/alarms --put: the credentials or their permissions were refused.</summary>
    public const int AuthFailure = 5;
}
