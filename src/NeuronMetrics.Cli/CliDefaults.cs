using NeuronMetrics.Aggregation;
using NeuronMetrics.CloudWatch;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Input;
using NeuronMetrics.Mapping;
using NeuronMetrics.Pipeline;

namespace NeuronMetrics.Cli;

/// <summary>
/// The one place every default of the command line is defined. <see cref="CliOptions"/> starts from these, and
/// <c>--help</c> prints them (formatted as a user types them), so the two cannot disagree.
/// </summary>
internal static class CliDefaults
{
    public const string Namespace = "Neuron";

    public static readonly TimeSpan FlushInterval = PipelineOptions.DefaultFlushInterval;

    public const AggregationMode Aggregation = AggregationMode.Values;

    public const LogLevel LogLevel = Diagnostics.LogLevel.Info;

    public const LogFormat LogFormat = Cli.LogFormat.Text;

    public static readonly TimeSpan ShutdownTimeout = PipelineOptions.DefaultShutdownTimeout;

    /// <summary>
    /// --max-buffered-datums: at least 30 minutes of outage on the largest instance, with room to spare.
    /// Measured with `neuron-cw cost` on samples/trn1.32xlarge-two-runtimes.jsonl (2 runtimes, 32 NeuronCores,
    /// 128 vCPUs, 16 devices) and every group enabled: 111 metrics, so 111 datums a minute at the 60 s flush
    /// (122 with RuntimeTag as a dimension). 30 minutes = 3,330 datums; 50,000 ≈ 7.5 hours. Even if every numeric
    /// field of that report became a series (1,248), 50,000 datums would still be 40 minutes. Memory is bounded
    /// separately (<see cref="MaxBufferBytes"/>).
    /// (--aggregation none is one datum per sample: 60× more at a 1 s period.)
    /// </summary>
    public const int MaxBufferedDatums = 50_000;

    /// <summary>
    /// --max-buffer-bytes: the memory bound of the send buffer whatever the datums hold. By the estimate
    /// (DatumFootprint) a one-value datum is ~0.5 KB, one of 60 distinct values ~1.6 KB, of 150 ~3 KB: 64 MiB holds
    /// the 50,000 datums above when they are small, ~42,000 of 60 values, ~22,000 of 150.
    /// </summary>
    public const long MaxBufferBytes = 64L * 1024 * 1024;

    /// <summary>--connect-timeout: the CloudWatch sink's default (the AWS SDKs use a few to 60 seconds).</summary>
    public static readonly TimeSpan ConnectTimeout = CloudWatchSinkOptions.DefaultConnectTimeout;

    /// <summary>--read-timeout: the CloudWatch sink's default (botocore's read timeout).</summary>
    public static readonly TimeSpan ReadTimeout = CloudWatchSinkOptions.DefaultReadTimeout;

    /// <summary>--auth-failure-timeout: the CloudWatch sink's default.</summary>
    public static readonly TimeSpan AuthFailureTimeout = CloudWatchSinkOptions.DefaultAuthFailureTimeout;

    public const int MaxDocumentBytes = JsonDocumentFramer.DefaultMaxDocumentBytes;

    /// <summary>--stats-interval: often enough to see an outage in the journal, rare enough not to flood it.</summary>
    public static readonly TimeSpan StatsInterval = PipelineOptions.DefaultStatsInterval;

    public const NamingStyle Naming = NamingStyle.Dimensional;

    public static readonly IReadOnlyList<string> Dimensions = [DimensionNames.InstanceId];

    /// <summary>1 (high resolution) or 60.</summary>
    public const int StorageResolution = 60;

    public const OutputKind Output = OutputKind.CloudWatch;

    /// <summary>
    /// --imds-timeout: the instance metadata service answers within milliseconds on an instance. Without host
    /// networking (or with the IMDS hop limit at 1) no answer ever comes, so waiting longer only delays the start.
    /// </summary>
    public static readonly TimeSpan ImdsTimeout = TimeSpan.FromSeconds(1);

    /// <summary>--run-monitor without a path: where the Neuron tools package installs neuron-monitor (the pipeline script's default too).</summary>
    public const string MonitorPath = "/opt/aws/neuron/bin/neuron-monitor";

    /// <summary>How often a repeated warning (runtime error, full buffer) is said again.</summary>
    public static readonly TimeSpan WarningRepeatInterval = RepeatThrottle.DefaultInterval;

    /// <summary>dashboard --name: one dashboard per account unless named otherwise (dashboards are global, not per region).</summary>
    public const string DashboardName = "neuron-cw";

    /// <summary>alarms: every alarm is named <c>neuron-cw/&lt;instance id&gt;/&lt;kind&gt;</c>, so running it again updates them.</summary>
    public const string AlarmNamePrefix = "neuron-cw";

    /// <summary>alarms --idle-below: mean NeuronCore utilization (%) under which an instance counts as idle.</summary>
    public const double IdleBelowPercent = 5;

    /// <summary>alarms --idle-for: how long an instance stays idle before the idle alarm fires.</summary>
    public static readonly TimeSpan IdleFor = TimeSpan.FromMinutes(60);

    /// <summary>alarms --stopped-for: how long without any datum before the stopped-reporting alarm fires.</summary>
    public static readonly TimeSpan StoppedFor = TimeSpan.FromMinutes(10);
}
