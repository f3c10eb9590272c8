namespace NeuronMetrics.CloudWatch;

/// <summary>The PutMetricAlarm limits the <c>alarms</c> command keeps to.</summary>
public static class AlarmLimits
{
    /// <summary>Longest alarm name.</summary>
    public const int MaxNameLength = 255;

    /// <summary>Longest alarm description.</summary>
    public const int MaxDescriptionLength = 1024;

    /// <summary>Most ARNs in AlarmActions (also OKActions, InsufficientDataActions).</summary>
    public const int MaxActions = 5;

    /// <summary>Longest action ARN.</summary>
    public const int MaxActionArnLength = 1024;

    /// <summary>Shortest period of an alarm on standard-resolution metrics (10, 20 and 30 s need high resolution), in seconds; longer ones are multiples of it.</summary>
    public const int StandardPeriodSeconds = 60;

    /// <summary>From this period up (one hour), the evaluation range may reach <see cref="MaxEvaluationRangeSeconds"/>.</summary>
    public const int LongPeriodSeconds = 3600;

    /// <summary>Longest evaluation range (Period × EvaluationPeriods) of an alarm with a period under an hour: one day.</summary>
    public const int MaxShortPeriodEvaluationRangeSeconds = 86_400;

    /// <summary>Longest evaluation range (Period × EvaluationPeriods) of any alarm: seven days.</summary>
    public const int MaxEvaluationRangeSeconds = 604_800;

    /// <summary>A Metrics Insights query alarm looks at the most recent three hours only: its evaluation range stays within them.</summary>
    public const int MaxMetricsInsightsRangeSeconds = 10_800;
}
