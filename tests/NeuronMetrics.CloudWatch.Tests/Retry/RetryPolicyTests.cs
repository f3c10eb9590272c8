using NeuronMetrics.CloudWatch.Errors;
using NeuronMetrics.CloudWatch.Retry;

namespace NeuronMetrics.CloudWatch.Tests.Retry;

public sealed class RetryPolicyTests
{
    private static readonly RetryOptions Options = new(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));

    [Theory]
    [InlineData(400, "Throttling")]
    [InlineData(400, "ThrottlingException")]
    [InlineData(400, "RequestLimitExceeded")]
    [InlineData(400, "LimitExceededException")]
    [InlineData(503, "SlowDown")]
    [InlineData(400, "PriorRequestNotComplete")]
    [InlineData(400, "EC2ThrottledException")]
    [InlineData(429, null)]
    [InlineData(500, null)]
    [InlineData(502, "BadGateway")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(504, null)]
    public void Decide_RetryableError_Retries(int status, string? code)
    {
        Policy().Decide(Failure(status, code), 1, TimeSpan.Zero).ShouldRetry.Should().BeTrue();
    }

    [Theory]
    [InlineData(400, "InvalidParameterValue")]
    [InlineData(400, "InvalidParameterCombination")]
    [InlineData(400, "MissingParameter")]
    [InlineData(403, "AccessDenied")]
    [InlineData(400, "AccessDeniedException")]
    [InlineData(404, null)]
    [InlineData(413, null)]
    [InlineData(403, "InvalidSignatureException")]
    [InlineData(403, "InvalidClientTokenId")]
    [InlineData(400, "UnrecognizedClientException")]
    [InlineData(403, "SignatureDoesNotMatch")]
    [InlineData(403, "MissingAuthenticationToken")]
    [InlineData(400, "RequestTimeTooSkewed")]
    [InlineData(403, null)]
    public void Decide_ClientOrAuthenticationError_GivesUp(int status, string? code)
    {
        Policy().Decide(Failure(status, code), 1, TimeSpan.Zero).ShouldRetry.Should().BeFalse();
    }

    [Theory]
    [InlineData("ExpiredToken")]
    [InlineData("ExpiredTokenException")]
    [InlineData("RequestExpired")]
    public void Decide_ExpiredCredentials_RetriesWithFreshOnes(string code)
    {
        var decision = Policy().Decide(Failure(400, code), 1, TimeSpan.Zero);

        decision.ShouldRetry.Should().BeTrue();
        decision.Reason.Should().Contain("resolved again");
    }

    [Theory]
    [InlineData("RequestTimeTooSkewed")]
    [InlineData("RequestExpired")]
    [InlineData("InvalidSignatureException")]
    [InlineData("SignatureDoesNotMatch")]
    [InlineData("AuthFailure")]
    public void Decide_ClockSkewErrorAfterCorrection_Retries(string code)
    {
        Policy().Decide(Failure(403, code) with { ClockSkewCorrected = true }, 1, TimeSpan.Zero)
            .ShouldRetry.Should().BeTrue();
    }

    [Fact]
    public void Decide_AccessDeniedEvenAfterClockCorrection_GivesUp()
    {
        Policy().Decide(Failure(403, "AccessDenied") with { ClockSkewCorrected = true }, 1, TimeSpan.Zero).ShouldRetry.Should().BeFalse();
    }

    [Theory]
    [InlineData((int)FailureKind.Timeout)]
    [InlineData((int)FailureKind.Connection)]
    [InlineData((int)FailureKind.Credentials)]
    public void Decide_LocalFailure_Retries(int kind)
    {
        Policy().Decide(new AttemptFailure((FailureKind)kind), 3, TimeSpan.Zero).ShouldRetry.Should().BeTrue();
    }

    [Fact]
    public void Decide_LastAttempt_GivesUp()
    {
        var decision = Policy().Decide(Failure(500, null), 10, TimeSpan.Zero);

        decision.ShouldRetry.Should().BeFalse();
        decision.Exhausted.Should().BeTrue();
        decision.Reason.Should().Contain("10 attempts");
    }

    [Fact]
    public void Decide_TimeBudgetSpent_GivesUp()
    {
        var policy = new RetryPolicy(Options with { MaxAttempts = int.MaxValue, TimeBudget = TimeSpan.FromMinutes(1) }, new FixedRandom(0.5));

        policy.Decide(Failure(500, null), 100, TimeSpan.FromSeconds(30)).ShouldRetry.Should().BeTrue();
        policy.Decide(Failure(500, null), 100, TimeSpan.FromSeconds(55)).ShouldRetry.Should().BeFalse();
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 2.0)]
    [InlineData(3, 4.0)]
    [InlineData(5, 16.0)]
    [InlineData(6, 20.0)]
    [InlineData(1000, 20.0)]
    public void Backoff_MaximalJitter_EqualsCappedExponentialCeiling(int attempt, double ceilingSeconds)
    {
        var delay = new RetryPolicy(Options, new FixedRandom(0.999999999)).Backoff(attempt);

        delay.TotalSeconds.Should().BeApproximately(ceilingSeconds, 0.001);
    }

    [Fact]
    public void Backoff_RandomJitter_StaysWithinZeroAndCeiling()
    {
        var policy = new RetryPolicy(Options, new Random(42));

        for (var attempt = 1; attempt < 50; attempt++)
        {
            policy.Backoff(attempt).Should().BeGreaterThanOrEqualTo(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(20));
        }
    }

    private static RetryPolicy Policy() => new(Options, new FixedRandom(0.5));

    private static AttemptFailure Failure(int status, string? code) => new(FailureClassifier.Classify(status, code));

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
