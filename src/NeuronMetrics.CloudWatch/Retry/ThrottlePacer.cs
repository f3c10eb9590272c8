namespace NeuronMetrics.CloudWatch.Retry;

/// <summary>
/// Spaces requests after CloudWatch throttled us: the gap starts at <paramref name="initialGap"/>, doubles on
/// each further throttle up to <paramref name="maxGap"/> and halves on each unthrottled request, so a backlog
/// left by an outage drains at the rate the service accepts instead of in one burst. Not thread-safe: the
/// client sends one request at a time.
/// </summary>
internal sealed class ThrottlePacer(TimeSpan initialGap, TimeSpan maxGap)
{
    /// <summary>Gap after the first throttle: a handful of requests per second.</summary>
    public static readonly TimeSpan DefaultInitialGap = TimeSpan.FromMilliseconds(200);

    /// <summary>Largest gap between requests while throttling persists.</summary>
    public static readonly TimeSpan DefaultMaxGap = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait before the next request (zero when not throttled recently).</summary>
    public TimeSpan Gap { get; private set; }

    public void OnThrottled() =>
        Gap = Gap == TimeSpan.Zero ? initialGap : TimeSpan.FromTicks(Math.Min(maxGap.Ticks, Gap.Ticks * 2));

    /// <summary>Halves the gap; below half the initial gap pacing stops (so a single throttle paces the next two requests).</summary>
    public void OnUnthrottled() =>
        Gap = Gap.Ticks / 2 < initialGap.Ticks / 2 ? TimeSpan.Zero : TimeSpan.FromTicks(Gap.Ticks / 2);
}
