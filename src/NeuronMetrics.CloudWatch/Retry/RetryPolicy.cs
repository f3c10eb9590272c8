namespace NeuronMetrics.CloudWatch.Retry;

/// <summary>
/// Pure retry decisions (AWS SDK "standard" mode classification) with capped exponential backoff and
/// full jitter: delay = random[0,1) × min(MaxBackoff, BaseBackoff × 2^(attempt−1)).
/// </summary>
internal sealed class RetryPolicy(RetryOptions options, Random random)
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    };

    /// <summary>Errors that mean "your clock is off"; retried only once the offset has been corrected.</summary>
    private static readonly HashSet<string> ClockSkewCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeTooSkewed", "RequestExpired", "InvalidSignatureException", "SignatureDoesNotMatch",
        "AuthFailure", "RequestInTheFuture",
    };

    /// <summary>Transient server-side codes that may come with a 4xx-looking status.</summary>
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalFailure", "InternalError", "ServiceUnavailable",
    };

    private const string Throttled = "throttled";

    public RetryOptions Options { get; } = options;

    /// <param name="failure">What went wrong.</param>
    /// <param name="attempt">The 1-based number of the attempt that just failed.</param>
    /// <param name="elapsed">Time since the first attempt started.</param>
    public RetryDecision Decide(AttemptFailure failure, int attempt, TimeSpan elapsed)
    {
        var reason = Classify(failure);
        if (reason is null)
        {
            return RetryDecision.GiveUp("not retryable");
        }

        if (attempt >= Options.MaxAttempts)
        {
            return RetryDecision.GiveUp($"{reason}; gave up after {attempt} attempts");
        }

        var delay = Backoff(attempt);
        if (Options.TimeBudget is { } budget && elapsed + delay > budget)
        {
            return RetryDecision.GiveUp($"{reason}; retry time budget of {budget.TotalSeconds:0.###} s spent");
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

    /// <summary>True when the service asked us to slow down (throttling code or HTTP 429).</summary>
    public static bool IsThrottle(AttemptFailure failure) => Classify(failure) == Throttled;

    /// <summary>Why the failure is retryable, or null when it is not.</summary>
    private static string? Classify(AttemptFailure failure)
    {
        switch (failure.Transport)
        {
            case TransportFailure.Timeout:
                return "timeout";
            case TransportFailure.ConnectionFailure:
                return "connection failure";
        }

        var code = failure.ErrorCode;
        if (code is not null)
        {
            if (ThrottlingCodes.Contains(code))
            {
                return Throttled;
            }

            if (ClockSkewCodes.Contains(code))
            {
                return failure.ClockSkewCorrected ? "clock skew corrected" : null;
            }

            if (TransientCodes.Contains(code))
            {
                return "transient error";
            }
        }

        return failure.StatusCode switch
        {
            429 => Throttled,
            >= 500 and <= 599 => "server error",
            _ => null,
        };
    }
}
