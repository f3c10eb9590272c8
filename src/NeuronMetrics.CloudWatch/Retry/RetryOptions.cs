namespace NeuronMetrics.CloudWatch.Retry;

/// <summary>Retry limits. <see cref="MaxAttempts"/> = int.MaxValue with a <see cref="TimeBudget"/> gives "retry until delivered or out of time".</summary>
/// <param name="MaxAttempts">Total attempts including the first (≥ 1).</param>
/// <param name="BaseBackoff">Backoff ceiling of the first retry; doubles each retry.</param>
/// <param name="MaxBackoff">Cap on the backoff ceiling.</param>
/// <param name="TimeBudget">Give up rather than start a retry that would begin after this much time since the first attempt.</param>
public sealed record RetryOptions(int MaxAttempts, TimeSpan BaseBackoff, TimeSpan MaxBackoff, TimeSpan? TimeBudget = null)
{
    /// <summary>AWS "standard" retry mode shape, with more attempts: metrics are worth waiting for.</summary>
    public static RetryOptions Default { get; } = new(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));

    /// <summary>
    /// For runs that last weeks: retryable failures are retried until the batch is delivered, displaced by
    /// buffer overflow or cancelled at shutdown; the backoff ceiling stops at 30 s so recovery is noticed quickly.
    /// </summary>
    public static RetryOptions Unattended { get; } = new(int.MaxValue, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
}
