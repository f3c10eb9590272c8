using System.Globalization;
using NeuronMetrics.Batching;
using NeuronMetrics.CloudWatch.Credentials;
using NeuronMetrics.CloudWatch.Query;
using NeuronMetrics.CloudWatch.Retry;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;

namespace NeuronMetrics.CloudWatch.Client;

/// <summary>
/// The third layer and the client the sink talks to: builds the request, sends attempts until one is accepted or
/// the policy gives up, and keeps what the attempts teach: the pacing gap after throttling, the clock offset, fresh
/// credentials after ExpiredToken, and how long authentication has been failing. Only waits between attempts are
/// cut short by the batch being displaced (an attempt under way finishes, so its outcome is known); shutdown cuts
/// both, and a request cut off without an answer is reported in doubt. One call at a time.
/// </summary>
internal sealed class RetryingPutMetricDataClient(
    PutMetricDataRequestBuilder builder,
    PutMetricDataSender sender,
    ICredentialSource credentials,
    RetryPolicy policy,
    ThrottlePacer pacer,
    AuthFailureWatch authFailures,
    TimeProvider clock,
    IDiagnosticLog log) : IPutMetricDataClient
{
    /// <summary>During an outage a retry happens every few seconds for hours: say so at most once a minute.</summary>
    private static readonly TimeSpan RetryLogInterval = TimeSpan.FromMinutes(1);

    private readonly ClockSkew _skew = new(clock);
    private readonly RepeatThrottle _retryWarnings = new(log, clock, RetryLogInterval);

    public IDatumSizer Sizer => QueryDatumSizer.Instance;

    /// <summary>The current gap between requests after throttling (zero when not throttled).</summary>
    public TimeSpan PacingGap => pacer.Gap;

    /// <summary>Our estimate of (server time − local time), learnt from clock-skew errors.</summary>
    public TimeSpan ClockOffset => _skew.Offset;

    public async Task<PutMetricDataResult> PutMetricDataAsync(OutgoingBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var waits = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, batch.Displaced);
        long started = clock.GetTimestamp();
        var request = builder.Build(batch.Remaining(), _skew.Now);
        int builtFrom = batch.GivenUp;
        bool unanswered = false;
        if (!await WaitAsync(pacer.Gap, waits.Token).ConfigureAwait(false))
        {
            return Result(PutMetricDataStatus.Abandoned, request, 0, unanswered);
        }

        for (int attempt = 1; ; attempt++)
        {
            if (batch.GivenUp != builtFrom)
            {
                // Overflow gave up some of the oldest datums while we waited: send only the rest.
                builtFrom = batch.GivenUp;
                request = builder.Build(batch.Remaining(), _skew.Now);
            }

            if (request.Datums == 0)
            {
                return Result(PutMetricDataStatus.NothingToSend, request, attempt - 1, unanswered);
            }

            var outcome = await sender.SendAsync(request, _skew.Now, cancellationToken).ConfigureAwait(false);
            Trace(attempt, request, outcome);
            if (outcome.Accepted)
            {
                pacer.OnUnthrottled();
                authFailures.Succeeded();
                return new PutMetricDataResult(PutMetricDataStatus.Delivered, request.Datums, 0, attempt, request.Invalid, null);
            }

            unanswered |= outcome.MaybeReceived;
            if (outcome.Cancelled)
            {
                return Result(PutMetricDataStatus.Abandoned, request, attempt, unanswered, outcome.Error);
            }

            var failure = new AttemptFailure(outcome.Kind, _skew.Learn(outcome.ServerDate));
            if (failure.Kind == FailureKind.Throttled)
            {
                pacer.OnThrottled();
            }

            if ((failure.Kind is FailureKind.Authentication or FailureKind.AccessDenied or FailureKind.ExpiredCredentials) && !failure.ClockSkewCorrected)
            {
                if (authFailures.Failed())
                {
                    return Result(PutMetricDataStatus.AuthenticationFailingTooLong, request, attempt, unanswered, outcome.Error);
                }

                if (failure.Kind == FailureKind.ExpiredCredentials)
                {
                    credentials.Invalidate();
                }
            }

            var decision = policy.Decide(failure, attempt, clock.GetElapsedTime(started));
            if (!decision.ShouldRetry)
            {
                var status = failure.Kind switch
                {
                    FailureKind.Authentication or FailureKind.AccessDenied or FailureKind.ExpiredCredentials or FailureKind.ClockSkew => PutMetricDataStatus.AuthenticationFailed,
                    _ when decision.Exhausted => PutMetricDataStatus.RetriesExhausted,
                    _ => PutMetricDataStatus.Rejected,
                };
                return Result(status, request, attempt, unanswered, outcome.Error);
            }

            // After throttling, wait at least the pacing gap even if the jittered backoff came out shorter.
            var delay = decision.Delay > pacer.Gap ? decision.Delay : pacer.Gap;
            batch.CountRetry();
            _retryWarnings.Write(
                LogLevel.Warning,
                "retry",
                string.Create(CultureInfo.InvariantCulture, $"CloudWatch PutMetricData attempt {attempt} failed ({decision.Reason}: {outcome.Error?.Code}: {outcome.Error?.Message}); retrying in {delay.TotalSeconds:0.###} s"));
            if (!await WaitAsync(delay, waits.Token).ConfigureAwait(false))
            {
                return Result(PutMetricDataStatus.Abandoned, request, attempt, unanswered, outcome.Error);
            }
        }
    }

    /// <summary>False when shutdown or displacement cut the wait short.</summary>
    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A result without delivery: the request's datums are in doubt when an attempt may have reached the service unanswered.</summary>
    private static PutMetricDataResult Result(PutMetricDataStatus status, PutMetricDataRequest request, int attempts, bool unanswered, Errors.ServiceError? error = null) =>
        new(status, 0, unanswered ? request.Datums : 0, attempts, request.Invalid, error);

    /// <summary>The debug line per attempt: what was sent and how it went.</summary>
    private void Trace(int attempt, PutMetricDataRequest request, AttemptOutcome outcome)
    {
        if (!log.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        string body = request.ContentEncoding is null
            ? $"body {request.RawBytes} bytes"
            : $"body {request.RawBytes} bytes, {request.ContentEncoding} {request.Payload.Length} bytes";
        string answer = outcome.StatusCode is { } status
            ? $"HTTP {status}{(outcome.Error is { } error ? " " + error.Code : string.Empty)}"
            : $"no response ({outcome.Error?.Code ?? "cancelled"})";
        log.Write(LogLevel.Debug, string.Create(
            CultureInfo.InvariantCulture,
            $"PutMetricData attempt {attempt}: {request.Datums} datums, {body}, {answer}, {outcome.Latency.TotalMilliseconds:0} ms, request id {outcome.RequestId ?? "-"}"));
    }

    public void Dispose() => sender.Dispose();
}
