namespace NeuronMetrics.CloudWatch.Retry;

/// <summary>
/// Pure retry decisions (AWS SDK "standard" mode, plus credential refresh) with capped exponential backoff and
/// full jitter: delay = random[0,1) × min(MaxBackoff, BaseBackoff × 2^(attempt−1)).
/// </summary>
internal sealed class RetryPolicy(RetryOptions options, Random random)
{
    public RetryOptions Options { get; } = options;

    /// <param name="failure">What went wrong.</param>
    /// <param name="attempt">The 1-based number of the attempt that just failed.</param>
    /// <param name="elapsed">Time since the first attempt started.</param>
    public RetryDecision Decide(AttemptFailure failure, int attempt, TimeSpan elapsed)
    {
        var reason = Reason(failure);
        if (reason is null)
        {
            return RetryDecision.GiveUp("not retryable");
        }

        if (attempt >= Options.MaxAttempts)
        {
            return RetryDecision.GiveUp($"{reason}; gave up after {attempt} attempts", exhausted: true);
        }

        var delay = Backoff(attempt);
        if (Options.TimeBudget is { } budget && elapsed + delay > budget)
        {
            return RetryDecision.GiveUp($"{reason}; retry time budget of {budget.TotalSeconds:0.###} s spent", exhausted: true);
        }

        return new RetryDecision(true, delay, reason);
    }

    /// <summary>Full-jitter delay before retry number <paramref name="attempt"/> (1 = first retry).</summary>
    public TimeSpan Backoff(int attempt)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var ceiling = Math.Min(Options.MaxBackoff.Ticks, Options.BaseBackoff.Ticks * (double)(1L << exponent));
        return TimeSpan.FromTicks((long)(random.NextDouble() * ceiling));
    }

    /// <summary>Why the failure is retried, or null when it is not.</summary>
    private static string? Reason(AttemptFailure failure)
    {
        if (failure.ClockSkewCorrected && failure.Kind is FailureKind.ClockSkew or FailureKind.Authentication or FailureKind.ExpiredCredentials)
        {
            // A signature made with a wrong clock fails in several ways; with the offset corrected it is worth one more try.
            return "clock skew corrected";
        }

        return failure.Kind switch
        {
            FailureKind.Throttled => "throttled",
            FailureKind.Transient => "server error",
            FailureKind.Timeout => "timeout",
            FailureKind.Connection => "connection failure",
            FailureKind.Credentials => "credentials not available",
            FailureKind.ExpiredCredentials => "credentials expired, resolved again",
            _ => null,
        };
    }
}
