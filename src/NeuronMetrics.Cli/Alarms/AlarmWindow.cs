using NeuronMetrics.CloudWatch;

namespace NeuronMetrics.Cli.Alarms;

/// <summary>
/// Period and evaluation periods for "this condition held for <c>duration</c>": the graph period (one datum per period,
/// <see cref="SentMetricSource.PeriodSeconds"/>), as many periods as cover the duration, all of them breaching. Kept
/// within CloudWatch's evaluation range: one day with periods under an hour (then hourly periods are used), seven days
/// in all, three hours for a Metrics Insights query alarm.
/// </summary>
internal readonly record struct AlarmWindow(int PeriodSeconds, int EvaluationPeriods)
{
    public int RangeSeconds => PeriodSeconds * EvaluationPeriods;

    /// <summary>The window, or null with <paramref name="error"/> saying why none fits.</summary>
    public static AlarmWindow? For(int basePeriodSeconds, TimeSpan duration, bool query, out string? error)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(basePeriodSeconds, AlarmLimits.StandardPeriodSeconds);
        long seconds = (long)Math.Ceiling(duration.TotalSeconds);
        int period = basePeriodSeconds;
        if (period < AlarmLimits.LongPeriodSeconds && seconds > AlarmLimits.MaxShortPeriodEvaluationRangeSeconds)
        {
            period = (period + AlarmLimits.LongPeriodSeconds - 1) / AlarmLimits.LongPeriodSeconds * AlarmLimits.LongPeriodSeconds;
        }

        long periods = Math.Max(1, (seconds + period - 1) / period);
        var window = new AlarmWindow(period, (int)Math.Min(periods, int.MaxValue));
        error = (long)period * periods > AlarmLimits.MaxEvaluationRangeSeconds
            ? $"{Minutes(seconds)} is longer than CloudWatch evaluates an alarm ({Minutes(AlarmLimits.MaxEvaluationRangeSeconds)})"
            : query && window.RangeSeconds > AlarmLimits.MaxMetricsInsightsRangeSeconds
                ? $"{Minutes(window.RangeSeconds)} is longer than a Metrics Insights query alarm looks back ({Minutes(AlarmLimits.MaxMetricsInsightsRangeSeconds)}); it is one because not every dimension value of the metric is known (give them with --dimension, or send fewer dimensions)"
                : null;
        return error is null ? window : null;
    }

    private static string Minutes(long seconds) => $"{(seconds + 59) / 60} min";
}
