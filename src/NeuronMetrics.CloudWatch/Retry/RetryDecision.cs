namespace NeuronMetrics.CloudWatch.Retry;

/// <summary>Whether to try again, after how long, and why (for diagnostics).</summary>
internal readonly record struct RetryDecision(bool ShouldRetry, TimeSpan Delay, string Reason)
{
    public static RetryDecision GiveUp(string reason) => new(false, TimeSpan.Zero, reason);
}
