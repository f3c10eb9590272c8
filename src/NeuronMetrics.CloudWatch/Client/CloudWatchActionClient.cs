using System.Globalization;
using NeuronMetrics.CloudWatch.Credentials;
using NeuronMetrics.CloudWatch.Query;
using NeuronMetrics.CloudWatch.Retry;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.CloudWatch.Client;

/// <summary>
/// Sends one-off Query actions (PutDashboard, PutMetricAlarm) through the same one-attempt sender as PutMetricData
/// (endpoint and region resolution, credential chain, SigV4 signing, error classification and scrubbing), retrying
/// what a run retries (throttling, 5xx, timeouts, connection failures, expired credentials, corrected clock skew) with
/// the same policy, within <see cref="RetryOptions.MaxAttempts"/>. Bodies are small: never compressed. One call at a time.
/// </summary>
public sealed class CloudWatchActionClient : IDisposable
{
    private readonly PutMetricDataSender _sender;
    private readonly ICredentialSource _credentials;
    private readonly RetryPolicy _policy;
    private readonly TimeProvider _clock;
    private readonly IDiagnosticLog _log;
    private readonly ClockSkew _skew;
    private readonly ReusableBuffer _body = new(4096);

    internal CloudWatchActionClient(PutMetricDataSender sender, ICredentialSource credentials, RetryPolicy policy, TimeProvider clock, IDiagnosticLog log)
    {
        _sender = sender;
        _credentials = credentials;
        _policy = policy;
        _clock = clock;
        _log = log;
        _skew = new ClockSkew(clock);
    }

    public async Task<QueryActionResult> SendAsync(QueryActionRequest request, CancellationToken cancellationToken)
    {
        QueryActionEncoder.Encode(request, _body);
        long started = _clock.GetTimestamp();
        for (int attempt = 1; ; attempt++)
        {
            var outcome = await _sender.SendAsync(_body, null, _skew.Now, cancellationToken).ConfigureAwait(false);
            _log.Write(LogLevel.Debug, string.Create(
                CultureInfo.InvariantCulture,
                $"{request.Action} attempt {attempt}: body {_body.Length} bytes, {(outcome.StatusCode is { } status ? $"HTTP {status}" : "no response")}{(outcome.Error is { } e ? " " + e.Code : "")}, {outcome.Latency.TotalMilliseconds:0} ms, request id {outcome.RequestId ?? "-"}"));
            if (outcome.Accepted)
            {
                return new QueryActionResult(true, attempt, null, outcome.RequestId);
            }

            if (outcome.Cancelled)
            {
                return new QueryActionResult(false, attempt, outcome.Error, outcome.RequestId);
            }

            var failure = new AttemptFailure(outcome.Kind, _skew.Learn(outcome.ServerDate));
            if (failure.Kind == FailureKind.ExpiredCredentials)
            {
                _credentials.Invalidate();
            }

            var decision = _policy.Decide(failure, attempt, _clock.GetElapsedTime(started));
            if (!decision.ShouldRetry)
            {
                bool refused = failure.Kind is FailureKind.Authentication or FailureKind.AccessDenied or FailureKind.ExpiredCredentials;
                return new QueryActionResult(false, attempt, outcome.Error, outcome.RequestId, refused);
            }

            _log.Write(LogLevel.Warning, string.Create(
                CultureInfo.InvariantCulture,
                $"CloudWatch {request.Action} attempt {attempt} failed ({decision.Reason}: {outcome.Error?.Code}: {outcome.Error?.Message}); retrying in {decision.Delay.TotalSeconds:0.###} s"));
            await Task.Delay(decision.Delay, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _sender.Dispose();
}
