using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Mapping;

namespace NeuronMetrics.Cli;

/// <summary>
/// What a run with these options sends, for <c>dashboard</c> and <c>alarms</c>: the reading settings a run builds
/// (<see cref="PipelineFactory.CreateReadingSettings"/>: selection, naming, dimensions), planned by <see cref="SentMetricPlanner"/>.
/// </summary>
internal static class SentMetricSource
{
    public static IReadOnlyList<PlannedMetric> Plan(CliOptions options, MonitorConfig config)
    {
        // The run's startup remarks (groups not sent, storage resolution advice) are for runs, not for these commands.
        var settings = PipelineFactory.CreateReadingSettings(options, config, NullDiagnosticLog.Instance, ecsTask: null);
        return SentMetricPlanner.Plan(settings.Config, settings.Selection, settings.Naming, settings.Dimensions);
    }

    /// <summary>
    /// The period of graphs and alarms: CloudWatch's one-minute standard period, or the flush interval rounded up to
    /// whole minutes when longer, so every period holds one datum (a shorter one would show gaps and miss alarms).
    /// </summary>
    public static int PeriodSeconds(CliOptions options)
    {
        const int Minute = CloudWatch.AlarmLimits.StandardPeriodSeconds;
        int flush = (int)Math.Ceiling(options.FlushInterval.TotalSeconds);
        return Math.Max(Minute, (flush + Minute - 1) / Minute * Minute);
    }
}
