using System.CommandLine;

namespace NeuronMetrics.Cli;

/// <summary>Maps a parsed run command line to <see cref="CliOptions"/>: an option left out takes its <see cref="CliDefaults"/> value.</summary>
internal static class CliOptionsMapper
{
    public static CliOptions Map(CommandLineDefinition d, ParseResult result)
    {
        var selected = result.GetResult(d.Dimensions) is { } given
            ? DimensionOptionParser.ParseSelected(given.Tokens.Select(t => t.Value), out _)
            : CliDefaults.Dimensions;
        var statics = DimensionOptionParser.ParseStatic(result.GetValue(d.Dimension) ?? [], selected, out _);
        return new CliOptions
        {
            ConfigPath = result.GetValue(d.Config),
            Namespace = Value(result, d.Namespace, CliDefaults.Namespace),
            FlushInterval = Value(result, d.FlushInterval, CliDefaults.FlushInterval),
            Aggregation = Value(result, d.Aggregation, CliDefaults.Aggregation),
            DryRun = result.GetValue(d.DryRun),
            Region = result.GetValue(d.Region),
            EndpointUrl = result.GetValue(d.EndpointUrl),
            Profile = result.GetValue(d.Profile),
            LogLevel = Value(result, d.LogLevel, CliDefaults.LogLevel),
            ShutdownTimeout = Value(result, d.ShutdownTimeout, CliDefaults.ShutdownTimeout),
            MaxBufferedDatums = Value(result, d.MaxBufferedDatums, CliDefaults.MaxBufferedDatums),
            MaxBufferBytes = Value(result, d.MaxBufferBytes, CliDefaults.MaxBufferBytes),
            ConnectTimeout = Value(result, d.ConnectTimeout, CliDefaults.ConnectTimeout),
            ReadTimeout = Value(result, d.ReadTimeout, CliDefaults.ReadTimeout),
            AuthFailureTimeout = Value(result, d.AuthFailureTimeout, CliDefaults.AuthFailureTimeout),
            MaxDocumentBytes = Value(result, d.MaxDocumentBytes, CliDefaults.MaxDocumentBytes),
            Metrics = RunOptionValidators.MetricPatterns(result.GetResult(d.Metrics)),
            Naming = Value(result, d.Naming, CliDefaults.Naming),
            Dimensions = DimensionOptionParser.WithInstanceDimensions(selected, statics),
            StaticDimensions = [.. statics.Where(s => !DimensionOptionParser.IsInstanceLevel(s))],
            InstanceDimensions = [.. statics.Where(DimensionOptionParser.IsInstanceLevel)],
            InstanceAverage = result.GetValue(d.InstanceAverage),
            StorageResolution = Value(result, d.StorageResolution, CliDefaults.StorageResolution),
            Output = Value(result, d.Output, CliDefaults.Output),
            LogFormat = Value(result, d.LogFormat, CliDefaults.LogFormat),
            StatsInterval = OffAsNull(Value(result, d.StatsInterval, CliDefaults.StatsInterval)),
            ImdsTimeout = OffAsNull(Value(result, d.ImdsTimeout, CliDefaults.ImdsTimeout)),
            MonitorPath = result.GetResult(d.RunMonitor) is { Implicit: false } ? result.GetValue(d.RunMonitor) ?? CliDefaults.MonitorPath : null,
        };
    }

    /// <summary>
    /// The option's value when given, else <paramref name="fallback"/>. Options have no DefaultValueFactory, so help shows
    /// the defaults the way a user types them ("60s", "values") from the description rather than "00:01:00" or "Values".
    /// </summary>
    internal static T Value<T>(ParseResult result, Option<T> option, T fallback) =>
        result.GetResult(option) is { Implicit: false } ? result.GetValue(option)! : fallback;

    private static TimeSpan? OffAsNull(TimeSpan value) => value > TimeSpan.Zero ? value : null;
}
