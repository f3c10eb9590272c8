namespace NeuronMetrics.CloudWatch.Retry;

/// <summary>Whether to try again, after how long, and why (for diagnostics).</summary>
/// <param name="Exhausted">Not retried although the failure is retryable: attempts or time budget used up.</param>
internal readonly record struct RetryDecision(bool ShouldRetry, TimeSpan Delay, string Reason, bool Exhausted = false)
{
    public static RetryDecision GiveUp(string reason, bool exhausted = false) => new(false, TimeSpan.Zero, reason, exhausted);
}
