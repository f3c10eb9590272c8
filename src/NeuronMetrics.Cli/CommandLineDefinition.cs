using System.CommandLine;
using System.CommandLine.Help;
using NeuronMetrics.Aggregation;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Mapping;
using static NeuronMetrics.Cli.OptionParsers;

namespace NeuronMetrics.Cli;

/// <summary>
/// The options of <c>neuron-cw</c>: declarations here (defaults from <see cref="CliDefaults"/>, shown by --help),
/// checks in <see cref="RunOptionValidators"/>, environment variables in <see cref="EnvironmentOptions"/>, and the
/// mapping to <see cref="CliOptions"/> in <see cref="CliOptionsMapper"/>.
/// </summary>
internal sealed class CommandLineDefinition
{
    private const int HelpWidth = 120;

    public Option<string?> Config { get; } = new("--config", "-c", "--config-file")
    {
        Description = "neuron-monitor config file (monitor.conf) selecting runtimes and metric groups. Default: neuroncore_counters for every runtime.",
        HelpName = "FILE",
    };

    public Option<string> Namespace { get; } = new("--namespace")
    {
        Description = $"CloudWatch namespace. [default: {CliDefaults.Namespace}]",
        HelpName = "NAME",
    };

    public Option<TimeSpan> FlushInterval { get; } = new("--flush-interval")
    {
        Description = $"Aggregation interval: samples of one metric within it become one datum (1s to 1h, e.g. 5s, 1m). [default: {FormatDuration(CliDefaults.FlushInterval)}]",
        CustomParser = Duration(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
        HelpName = "DURATION",
    };

    public Option<AggregationMode> Aggregation { get; } = new("--aggregation")
    {
        Description = $"values: Values/Counts (every sample, percentiles); statistics: one StatisticSet; none: one datum per sample. [default: {Name(CliDefaults.Aggregation)}]",
        CustomParser = Choice<AggregationMode>(),
        HelpName = Choices<AggregationMode>(),
    };

    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "Write each request as one JSON line (aws cloudwatch put-metric-data --cli-input-json shape) on stdout instead of sending. Needs no AWS credentials.",
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "AWS region. Default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, instance metadata, then the first report's instance_region.",
        HelpName = "REGION",
    };

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url")
    {
        Description = "CloudWatch endpoint URL. Default: AWS_ENDPOINT_URL_CLOUDWATCH, AWS_ENDPOINT_URL, then https://monitoring.REGION.amazonaws.com.",
        HelpName = "URL",
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "AWS shared config profile (default: AWS_PROFILE, then 'default').",
        HelpName = "NAME",
    };

    public Option<LogLevel> LogLevel { get; } = new("--log-level")
    {
        Description = $"Least severe stderr message shown. [default: {Name(CliDefaults.LogLevel)}]",
        CustomParser = Choice(("warn", Diagnostics.LogLevel.Warning)),
        HelpName = Choices<LogLevel>(),
    };

    public Option<TimeSpan> ShutdownTimeout { get; } = new("--shutdown-timeout")
    {
        Description = $"On end of input, SIGTERM, SIGINT or SIGHUP: how long to keep sending buffered data before dropping it (100ms to 1h). [default: {FormatDuration(CliDefaults.ShutdownTimeout)}]",
        CustomParser = Duration(TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1)),
        HelpName = "DURATION",
    };

    public Option<int> MaxBufferedDatums { get; } = new("--max-buffered-datums")
    {
        Description = $"Datums held while CloudWatch is slow or down; when full the oldest are dropped and counted. [default: {CliDefaults.MaxBufferedDatums}]",
        HelpName = "N",
    };

    public Option<long> MaxBufferBytes { get; } = new("--max-buffer-bytes")
    {
        Description = $"Memory the send buffer may hold (estimated per datum); when full the oldest datums are dropped and counted. [default: {CliDefaults.MaxBufferBytes}]",
        HelpName = "BYTES",
    };

    public Option<TimeSpan> ConnectTimeout { get; } = new("--connect-timeout")
    {
        Description = $"Time to connect to CloudWatch before the attempt is retried (100ms to 10m). [default: {FormatDuration(CliDefaults.ConnectTimeout)}]",
        CustomParser = Duration(TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10)),
        HelpName = "DURATION",
    };

    public Option<TimeSpan> ReadTimeout { get; } = new("--read-timeout")
    {
        Description = $"Time for CloudWatch's answer before the request is sent again, so it may arrive twice (100ms to 1h). [default: {FormatDuration(CliDefaults.ReadTimeout)}]",
        CustomParser = Duration(TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1)),
        HelpName = "DURATION",
    };

    public Option<TimeSpan> AuthFailureTimeout { get; } = new("--auth-failure-timeout")
    {
        Description = $"When every request has been refused on authentication or permission for this long, exit with code 5 (1s to 24h). [default: {FormatDuration(CliDefaults.AuthFailureTimeout)}]",
        CustomParser = Duration(TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
        HelpName = "DURATION",
    };

    public Option<int> MaxDocumentBytes { get; } = new("--max-document-bytes")
    {
        Description = $"Input documents larger than this are skipped without being held in memory. [default: {CliDefaults.MaxDocumentBytes}]",
        HelpName = "BYTES",
    };

    public Option<string[]> Metrics { get; } = new("--metrics")
    {
        Description = "Send only these metrics (comma-separated names or globs with * and ?, e.g. 'NeuronCore*,Execution*'); opt-in metrics are sent only when named here. Default: every non-opt-in metric of the groups the config enables.",
        HelpName = "NAME[,NAME...]",
    };

    public Option<NamingStyle> Naming { get; } = new("--naming")
    {
        Description = $"dimensional: NeuronCoreUtilization with a NeuronCore dimension; legacy: NeuronCoreUtilizationNC0, NC1... (AWS sample script style) for every per-core metric. [default: {Name(CliDefaults.Naming)}]",
        CustomParser = Choice<NamingStyle>(),
        HelpName = Choices<NamingStyle>(),
    };

    public Option<string[]> Dimensions { get; } = new("--dimensions")
    {
        Description = $"Dimensions of every metric, comma-separated: {string.Join(", ", DimensionNames.Selectable)} (the last two from the ECS task metadata endpoint). [default: {string.Join(",", CliDefaults.Dimensions)}]",
        HelpName = "NAME[,NAME...]",
    };

    public Option<string[]> Dimension { get; } = new("--dimension")
    {
        Description = "A fixed dimension added to every metric (repeatable). InstanceId=, InstanceType= or AvailabilityZone= fix the instance's own values, e.g. in a container without instance metadata. In the environment variable: several separated by ';'.",
        HelpName = "KEY=VALUE",
    };

    public Option<bool> InstanceAverage { get; } = new("--instance-average")
    {
        Description = "Also send NeuronCoreUtilizationAverage: the mean over the cores of each report, without a core dimension (for alarms and autoscaling).",
    };

    public Option<int> StorageResolution { get; } = new("--storage-resolution")
    {
        Description = $"60: standard resolution; 1: high resolution (use with a flush interval under 60s). [default: {CliDefaults.StorageResolution}]",
        HelpName = "1|60",
    };

    public Option<OutputKind> Output { get; } = new("--output")
    {
        Description = $"cloudwatch: PutMetricData calls; emf: CloudWatch Embedded Metric Format documents on stdout (one per line) for a log agent, no AWS credentials needed. [default: {Name(CliDefaults.Output)}]",
        CustomParser = Choice<OutputKind>(),
        HelpName = Choices<OutputKind>(),
    };

    public Option<LogFormat> LogFormat { get; } = new("--log-format")
    {
        Description = $"stderr diagnostics: text lines, or one JSON object per line (time, level, message). [default: {Name(CliDefaults.LogFormat)}]",
        CustomParser = Choice<LogFormat>(),
        HelpName = Choices<LogFormat>(),
    };

    /// <summary>TimeSpan.Zero stands for 'off' (System.CommandLine cannot carry a null from a custom parser).</summary>
    public Option<TimeSpan> StatsInterval { get; } = new("--stats-interval")
    {
        Description = $"How often to log a stats line while running (reports, datums, requests, retries, drops, buffer; 1s to 24h); 'off' for only the one at exit. [default: {FormatDuration(CliDefaults.StatsInterval)}]",
        CustomParser = DurationOrOff(TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
        HelpName = "DURATION|off",
    };

    /// <summary>TimeSpan.Zero stands for 'off'.</summary>
    public Option<TimeSpan> ImdsTimeout { get; } = new("--imds-timeout")
    {
        Description = $"How long to wait for EC2 instance metadata (IMDSv2), asked only when reports lack instance_id or no region is configured (100ms to 1m); 'off' never asks. [default: {FormatDuration(CliDefaults.ImdsTimeout)}]",
        CustomParser = DurationOrOff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1)),
        HelpName = "DURATION|off",
    };

    /// <summary>Given without a value: <see cref="CliDefaults.MonitorPath"/>.</summary>
    public Option<string?> RunMonitor { get; } = new("--run-monitor")
    {
        Description = $"Start neuron-monitor (PATH, else {CliDefaults.MonitorPath}) with the same --config and read its reports instead of stdin. It is stopped on SIGTERM, SIGINT or SIGHUP, and started again with backoff when it dies, keeping the buffer.",
        HelpName = "PATH",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>Every option of a run, in help order; each can also be set by its environment variable.</summary>
    public IReadOnlyList<Option> RunOptions =>
    [
        Config, Namespace, FlushInterval, Aggregation, DryRun, Region, EndpointUrl, Profile, LogLevel, ShutdownTimeout, MaxBufferedDatums, MaxBufferBytes,
        ConnectTimeout, ReadTimeout, AuthFailureTimeout, MaxDocumentBytes, Metrics, Naming, Dimensions, Dimension, InstanceAverage, StorageResolution,
        Output, LogFormat, StatsInterval, ImdsTimeout, RunMonitor,
    ];

    /// <summary>The options the cost subcommand shares with a run.</summary>
    public IReadOnlyList<Option> CostOptions => [Config, Namespace, FlushInterval, Aggregation, LogLevel, LogFormat, Metrics, Naming, Dimensions, Dimension, InstanceAverage, StorageResolution];

    /// <summary>The run options the dashboard and alarms subcommands take besides <see cref="CostOptions"/>: where and as whom to send (--put).</summary>
    public IReadOnlyList<Option> SendingOptions => [Region, EndpointUrl, Profile, ConnectTimeout, ReadTimeout, ImdsTimeout];

    public RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Reads neuron-monitor reports on stdin and publishes the selected metrics to Amazon CloudWatch. Every option can also be set by the environment variable named in its description; a flag wins over its variable.");
        foreach (var option in RunOptions)
        {
            option.Description += $" [env: {EnvironmentOptions.VariableFor(option)}]";
            root.Add(option);
        }

        foreach (var option in CostOptions)
        {
            option.Recursive = true;
        }

        RunOptionValidators.AddTo(this, root);
        foreach (var help in root.Options.Select(o => o.Action).OfType<HelpAction>().Where(_ => !Console.IsOutputRedirected))
        {
            // A fixed width on a terminal: asking it for its width sets the console up and writes escape sequences.
            help.MaxWidth = HelpWidth;
        }

        return root;
    }

    /// <summary>The <see cref="CliOptions"/> of a parsed run (see <see cref="CliOptionsMapper"/>).</summary>
    public CliOptions ToOptions(ParseResult result) => CliOptionsMapper.Map(this, result);
}
