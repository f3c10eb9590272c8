using System.CommandLine;
using System.CommandLine.Parsing;
using NeuronMetrics.Aggregation;
using NeuronMetrics.CloudWatch;
using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Mapping;

namespace NeuronMetrics.Cli;

/// <summary>The options of <c>neuron-cw</c> and their validation; turns a parse result into <see cref="CliOptions"/>.</summary>
internal sealed class CommandLineDefinition
{
    public Option<string?> Config { get; } = new("--config", "-c", "--config-file")
    {
        Description = "neuron-monitor config file (monitor.conf) selecting runtimes and metric groups. Default: neuroncore_counters for every runtime.",
        HelpName = "FILE",
    };

    public Option<string> Namespace { get; } = new("--namespace")
    {
        Description = "CloudWatch namespace.",
        DefaultValueFactory = _ => "Neuron",
        HelpName = "NAME",
    };

    public Option<TimeSpan> FlushInterval { get; } = new("--flush-interval")
    {
        Description = "Aggregation interval: samples of one metric within it become one datum (e.g. 60s, 5s, 1m). [default: 60s]",
        CustomParser = ParseDuration,
        HelpName = "DURATION",
    };

    public Option<AggregationMode> Aggregation { get; } = new("--aggregation")
    {
        Description = "values: Values/Counts (every sample, percentiles); statistics: one StatisticSet; none: one datum per sample.",
        DefaultValueFactory = _ => AggregationMode.Values,
        CustomParser = ParseAggregation,
        HelpName = "values|statistics|none",
    };

    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "Write each request as one JSON line (aws cloudwatch put-metric-data --cli-input-json shape) on stdout instead of sending. Needs no AWS credentials.",
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "AWS region. Default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, then the report's instance_region.",
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
        Description = "Least severe stderr message shown.",
        DefaultValueFactory = _ => Diagnostics.LogLevel.Info,
        CustomParser = ParseLogLevel,
        HelpName = "debug|info|warning|error",
    };

    public Option<TimeSpan> ShutdownTimeout { get; } = new("--shutdown-timeout")
    {
        Description = "On end of input, SIGTERM or SIGINT: how long to keep sending buffered data before dropping it. [default: 5s]",
        CustomParser = ParseDuration,
        HelpName = "DURATION",
    };

    public Option<int> MaxBufferedDatums { get; } = new("--max-buffered-datums")
    {
        Description = "Datums held while CloudWatch is slow or down; when full the oldest are dropped and counted.",
        DefaultValueFactory = _ => CliOptions.DefaultMaxBufferedDatums,
        HelpName = "N",
    };

    public Option<long> MaxBufferBytes { get; } = new("--max-buffer-bytes")
    {
        Description = "Memory the send buffer may hold (estimated per datum); when full the oldest datums are dropped and counted.",
        DefaultValueFactory = _ => CliOptions.DefaultMaxBufferBytes,
        HelpName = "BYTES",
    };

    public Option<TimeSpan> ConnectTimeout { get; } = new("--connect-timeout")
    {
        Description = "Time to connect to CloudWatch before the attempt is retried. [default: 10s]",
        CustomParser = ParseDuration,
        HelpName = "DURATION",
    };

    public Option<TimeSpan> ReadTimeout { get; } = new("--read-timeout")
    {
        Description = "Time for CloudWatch's answer before the request is sent again (it may then arrive twice). [default: 60s]",
        CustomParser = ParseDuration,
        HelpName = "DURATION",
    };

    public Option<TimeSpan> AuthFailureTimeout { get; } = new("--auth-failure-timeout")
    {
        Description = "When every request has been refused on authentication or permission for this long, exit with code 5. [default: 5m]",
        CustomParser = ParseDuration,
        HelpName = "DURATION",
    };

    public Option<int> MaxDocumentBytes { get; } = new("--max-document-bytes")
    {
        Description = "Input documents larger than this are skipped without being held in memory.",
        DefaultValueFactory = _ => 16 * 1024 * 1024,
        HelpName = "BYTES",
    };

    public Option<string[]> Metrics { get; } = new("--metrics")
    {
        Description = "Send only these metrics (comma-separated names or globs with * and ?, e.g. 'NeuronCore*,Execution*'); opt-in metrics are sent only when named here. Default: every non-opt-in metric of the groups the config enables.",
        HelpName = "NAME[,NAME...]",
    };

    public Option<NamingStyle> Naming { get; } = new("--naming")
    {
        Description = "dimensional: NeuronCoreUtilization with a NeuronCore dimension; legacy: NeuronCoreUtilizationNC0, NC1... (AWS sample script style) for every per-core metric.",
        DefaultValueFactory = _ => NamingStyle.Dimensional,
        CustomParser = ParseNaming,
        HelpName = "dimensional|legacy",
    };

    public Option<string[]> Dimensions { get; } = new("--dimensions")
    {
        Description = "Dimensions of every metric, comma-separated: InstanceId, InstanceType, AvailabilityZone, RuntimeTag, ClusterName, TaskFamily (the last two from the ECS task metadata endpoint). Default: InstanceId.",
        HelpName = "NAME[,NAME...]",
    };

    public Option<string[]> Dimension { get; } = new("--dimension")
    {
        Description = "A static dimension added to every metric (repeatable).",
        HelpName = "KEY=VALUE",
    };

    public Option<bool> InstanceAverage { get; } = new("--instance-average")
    {
        Description = "Also send NeuronCoreUtilizationAverage: the mean over the cores of each report, without a core dimension (for alarms and autoscaling).",
    };

    public Option<int> StorageResolution { get; } = new("--storage-resolution")
    {
        Description = "60: standard resolution; 1: high resolution (use with a flush interval under 60s).",
        DefaultValueFactory = _ => 60,
        HelpName = "1|60",
    };

    public Option<OutputKind> Output { get; } = new("--output")
    {
        Description = "cloudwatch: PutMetricData calls; emf: CloudWatch Embedded Metric Format documents on stdout (one per line) for a log agent, no AWS credentials needed.",
        DefaultValueFactory = _ => OutputKind.CloudWatch,
        CustomParser = ParseOutput,
        HelpName = "cloudwatch|emf",
    };

    public Option<LogFormat> LogFormat { get; } = new("--log-format")
    {
        Description = "stderr diagnostics: text lines, or one JSON object per line (time, level, message).",
        DefaultValueFactory = _ => Cli.LogFormat.Text,
        CustomParser = ParseLogFormat,
        HelpName = "text|json",
    };

    /// <summary>TimeSpan.Zero stands for 'off' (System.CommandLine cannot carry a null from a custom parser).</summary>
    public Option<TimeSpan> StatsInterval { get; } = new("--stats-interval")
    {
        Description = "How often to log a stats line while running (reports, datums, requests, retries, drops, buffer); 'off' for only the one at exit. [default: 5m]",
        CustomParser = ParseOptionalDuration,
        HelpName = "DURATION|off",
    };

    public RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Reads neuron-monitor reports on stdin and publishes the selected metrics to Amazon CloudWatch.")
        {
            Config, Namespace, FlushInterval, Aggregation, DryRun, Region, EndpointUrl, Profile, LogLevel, ShutdownTimeout, MaxBufferedDatums, MaxDocumentBytes,
            Metrics, Naming, Dimensions, Dimension, InstanceAverage, StorageResolution,
            Output, LogFormat, StatsInterval, MaxBufferBytes, ConnectTimeout, ReadTimeout, AuthFailureTimeout,
        };
        // The cost subcommand takes the options of a run.
        foreach (var option in new Option[] { Config, Namespace, FlushInterval, Aggregation, LogLevel, LogFormat, Metrics, Naming, Dimensions, Dimension, InstanceAverage, StorageResolution })
        {
            option.Recursive = true;
        }

        Metrics.Validators.Add(ValidateMetrics);
        StorageResolution.Validators.Add(ValidateStorageResolution);
        root.Validators.Add(ValidateDimensions);
        root.Validators.Add(ValidateExclusiveOutputs);
        Namespace.Validators.Add(ValidateNamespace);
        MaxBufferedDatums.Validators.Add(r => RequireAtLeast(r, MaxBufferedDatums, 1));
        MaxDocumentBytes.Validators.Add(r => RequireAtLeast(r, MaxDocumentBytes, 1024));
        MaxBufferBytes.Validators.Add(r => RequireAtLeast(r, MaxBufferBytes, 64 * 1024));
        EndpointUrl.Validators.Add(ValidateEndpoint);
        return root;
    }

    public CliOptions ToOptions(ParseResult result) => new()
    {
        ConfigPath = result.GetValue(Config),
        Namespace = result.GetValue(Namespace)!,
        FlushInterval = Given(result, FlushInterval) ?? new CliOptions().FlushInterval,
        Aggregation = result.GetValue(Aggregation),
        DryRun = result.GetValue(DryRun),
        Region = result.GetValue(Region),
        EndpointUrl = result.GetValue(EndpointUrl),
        Profile = result.GetValue(Profile),
        LogLevel = result.GetValue(LogLevel),
        ShutdownTimeout = Given(result, ShutdownTimeout) ?? new CliOptions().ShutdownTimeout,
        MaxBufferedDatums = result.GetValue(MaxBufferedDatums),
        MaxDocumentBytes = result.GetValue(MaxDocumentBytes),
        Metrics = MetricPatterns(result.GetResult(Metrics)),
        Naming = result.GetValue(Naming),
        Dimensions = SelectedDimensions(result, out _),
        StaticDimensions = StaticDimensionParser.ParseStatic(result.GetValue(Dimension) ?? [], SelectedDimensions(result, out _).Count, out _),
        InstanceAverage = result.GetValue(InstanceAverage),
        StorageResolution = result.GetValue(StorageResolution),
        Output = result.GetValue(Output),
        LogFormat = result.GetValue(LogFormat),
        StatsInterval = Given(result, StatsInterval) is not { } stats ? CliOptions.DefaultStatsInterval : stats > TimeSpan.Zero ? stats : null,
        MaxBufferBytes = result.GetValue(MaxBufferBytes),
        ConnectTimeout = Given(result, ConnectTimeout) ?? CloudWatchSinkOptions.DefaultConnectTimeout,
        ReadTimeout = Given(result, ReadTimeout) ?? CloudWatchSinkOptions.DefaultReadTimeout,
        AuthFailureTimeout = Given(result, AuthFailureTimeout) ?? CloudWatchSinkOptions.DefaultAuthFailureTimeout,
    };

    private static IReadOnlyList<string>? MetricPatterns(OptionResult? result) =>
        result is null ? null : [.. StaticDimensionParser.Split(result.Tokens.Select(t => t.Value))];

    private IReadOnlyList<string> SelectedDimensions(ParseResult result, out string? error)
    {
        error = null;
        return result.GetResult(Dimensions) is { } given
            ? StaticDimensionParser.ParseSelected(given.Tokens.Select(t => t.Value), out error)
            : [DimensionNames.InstanceId];
    }

    private static void ValidateMetrics(OptionResult result)
    {
        var patterns = MetricPatterns(result)!;
        if (patterns.Count == 0)
        {
            result.AddError("--metrics: no metric names given");
            return;
        }

        try
        {
            MetricSelection.Create(patterns, instanceAverage: false);
        }
        catch (ArgumentException ex)
        {
            result.AddError($"--metrics: {ex.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    private static void ValidateStorageResolution(OptionResult result)
    {
        if (result.GetValueOrDefault<int>() is not (1 or 60))
        {
            result.AddError("--storage-resolution: must be 1 (high resolution) or 60 (standard)");
        }
    }

    private void ValidateDimensions(CommandResult result)
    {
        IReadOnlyList<string> selected = [DimensionNames.InstanceId];
        if (result.GetResult(Dimensions) is { } given)
        {
            selected = StaticDimensionParser.ParseSelected(given.Tokens.Select(t => t.Value), out string? error);
            if (error is not null || selected.Count == 0)
            {
                result.AddError(error ?? "--dimensions: no dimension names given");
                return;
            }
        }

        StaticDimensionParser.ParseStatic(result.GetValue(Dimension) ?? [], selected.Count, out string? staticError);
        if (staticError is not null)
        {
            result.AddError(staticError);
        }
    }

    private static NamingStyle ParseNaming(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        switch (text.ToLowerInvariant())
        {
            case "dimensional":
                return NamingStyle.Dimensional;
            case "legacy":
                return NamingStyle.Legacy;
            default:
                result.AddError($"--naming: invalid value '{text}' (expected dimensional or legacy)");
                return default;
        }
    }

    private void ValidateExclusiveOutputs(CommandResult result)
    {
        // Tokens, not values: reading an option whose value failed to parse would throw here.
        bool emf = result.GetResult(Output) is { Tokens.Count: > 0 } output && output.Tokens[0].Value.Equals("emf", StringComparison.OrdinalIgnoreCase);
        if (emf && result.GetResult(DryRun) is { Implicit: false })
        {
            result.AddError("--dry-run and --output emf both write to stdout: use one of them");
        }
    }

    private static OutputKind ParseOutput(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        switch (text.ToLowerInvariant())
        {
            case "cloudwatch":
                return OutputKind.CloudWatch;
            case "emf":
                return OutputKind.Emf;
            default:
                result.AddError($"--output: invalid value '{text}' (expected cloudwatch or emf)");
                return default;
        }
    }

    private static LogFormat ParseLogFormat(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        switch (text.ToLowerInvariant())
        {
            case "text":
                return Cli.LogFormat.Text;
            case "json":
                return Cli.LogFormat.Json;
            default:
                result.AddError($"--log-format: invalid value '{text}' (expected text or json)");
                return default;
        }
    }

    private static TimeSpan ParseOptionalDuration(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        return text.Equals("off", StringComparison.OrdinalIgnoreCase) || text == "0" ? TimeSpan.Zero : ParseDuration(result);
    }

    /// <summary>A duration option's value when given. Durations have no DefaultValueFactory so that help shows "60s", not "00:01:00".</summary>
    private static TimeSpan? Given(ParseResult result, Option<TimeSpan> option) =>
        result.GetResult(option) is { Implicit: false } ? result.GetValue(option) : null;

    internal static TimeSpan ParseDuration(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DurationParser.TryParse(text, out var duration))
        {
            return duration;
        }

        result.AddError($"{OptionName(result)}: invalid duration '{text}' (expected e.g. 500ms, 5s, 1m)");
        return default;
    }

    private static AggregationMode ParseAggregation(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        switch (text.ToLowerInvariant())
        {
            case "values":
                return AggregationMode.Values;
            case "statistics":
                return AggregationMode.Statistics;
            case "none":
                return AggregationMode.None;
            default:
                result.AddError($"--aggregation: invalid value '{text}' (expected values, statistics or none)");
                return default;
        }
    }

    private static LogLevel ParseLogLevel(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        switch (text.ToLowerInvariant())
        {
            case "debug":
                return Diagnostics.LogLevel.Debug;
            case "info":
                return Diagnostics.LogLevel.Info;
            case "warning" or "warn":
                return Diagnostics.LogLevel.Warning;
            case "error":
                return Diagnostics.LogLevel.Error;
            default:
                result.AddError($"--log-level: invalid value '{text}' (expected debug, info, warning or error)");
                return default;
        }
    }

    private static void ValidateNamespace(OptionResult result)
    {
        if (CloudWatchSinkFactory.ValidateNamespace(result.GetValueOrDefault<string>()) is { } error)
        {
            result.AddError($"--namespace: {error}");
        }
    }

    private static void ValidateEndpoint(OptionResult result)
    {
        string? value = result.GetValueOrDefault<string?>();
        if (value is not null && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            result.AddError($"--endpoint-url: '{value}' is not an http(s) URL");
        }
    }

    private static void RequireAtLeast<T>(OptionResult result, Option<T> option, T minimum)
        where T : System.Numerics.INumber<T>
    {
        if (result.GetValueOrDefault<T>() < minimum)
        {
            result.AddError($"{option.Name}: must be at least {minimum}");
        }
    }

    private static string OptionName(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.Option.Name : "value";
}
