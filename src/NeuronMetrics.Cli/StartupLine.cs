using System.Globalization;
using NeuronMetrics.Config;
using NeuronMetrics.Mapping;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Cli;

/// <summary>
/// The one info line a run writes when everything is set up and it starts reading stdin: the resolved settings, so a
/// person reading the journal sees what it does (never a secret). It is also the readiness point tests wait for.
/// </summary>
internal static class StartupLine
{
    /// <summary>What follows the version, e.g. "neuron-cw 0.1.0 started: …".</summary>
    public const string Marker = " started: ";

    /// <summary>The informational version, as the build wrote it (see the .csproj): no custom-attribute reflection at start.</summary>
    public static string Version => BuildVersion.Informational;

    public static string Format(CliOptions options, MonitorConfig config, SinkSetup sink)
    {
        var groups = config.AllGroups.Select(GroupTypeNames.Canonical).Distinct(StringComparer.Ordinal).ToList();
        var metrics = MetricSelection.Create(options.Metrics, options.InstanceAverage).Enabled
            .Where(d => groups.Contains(d.GroupType, StringComparer.Ordinal)).Select(d => d.Name);
        var dimensions = options.Dimensions
            .Select(name => options.InstanceDimensions.Where(d => d.Name == name).Select(d => $"{name}={d.Value}").FirstOrDefault() ?? name)
            .Concat(options.StaticDimensions.Select(d => $"{d.Name}={d.Value}"));
        return $"neuron-cw {Version}{Marker}{sink.Description} namespace={options.Namespace} config={options.ConfigPath ?? "(none: utilization of every runtime)"}"
            + $" groups={string.Join(",", groups)} metrics={string.Join(",", metrics)} dimensions={string.Join(",", dimensions)}"
            + $" flush-interval={OptionParsers.FormatDuration(options.FlushInterval)} aggregation={OptionParsers.Name(options.Aggregation)}"
            + $" resolution={options.StorageResolution}s naming={OptionParsers.Name(options.Naming)}{ChangedDeliverySettings(options)}; reading neuron-monitor reports from {(options.MonitorPath is { } monitor ? monitor + " (--run-monitor)" : "stdin")}";
    }

    /// <summary>
    /// The buffer bounds and (when sending to CloudWatch) the timeouts, only those not at their defaults: the line stays
    /// short in the common case, and a changed setting that explains a drop or an exit is in the journal.
    /// </summary>
    private static string ChangedDeliverySettings(CliOptions options)
    {
        var changed = new List<string>();
        Add("max-buffered-datums", options.MaxBufferedDatums, CliDefaults.MaxBufferedDatums, n => n.ToString(CultureInfo.InvariantCulture));
        Add("max-buffer-bytes", options.MaxBufferBytes, CliDefaults.MaxBufferBytes, n => n.ToString(CultureInfo.InvariantCulture));
        if (!options.DryRun && options.Output == OutputKind.CloudWatch)
        {
            Add("connect-timeout", options.ConnectTimeout, CliDefaults.ConnectTimeout, OptionParsers.FormatDuration);
            Add("read-timeout", options.ReadTimeout, CliDefaults.ReadTimeout, OptionParsers.FormatDuration);
            Add("auth-failure-timeout", options.AuthFailureTimeout, CliDefaults.AuthFailureTimeout, OptionParsers.FormatDuration);
        }

        return string.Concat(changed.Select(c => " " + c));

        void Add<T>(string name, T value, T fallback, Func<T, string> format)
        {
            if (!EqualityComparer<T>.Default.Equals(value, fallback))
            {
                changed.Add($"{name}={format(value)}");
            }
        }
    }
}
