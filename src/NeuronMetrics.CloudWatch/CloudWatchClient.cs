using System.Diagnostics;
using NeuronMetrics.CloudWatch.Credentials;
using NeuronMetrics.CloudWatch.Query;
using NeuronMetrics.CloudWatch.Endpoints;
using NeuronMetrics.CloudWatch.Errors;
using NeuronMetrics.CloudWatch.Retry;
using NeuronMetrics.CloudWatch.Signing;
using NeuronMetrics.CloudWatch.Transport;
using NeuronMetrics.CloudWatch.Validation;
using NeuronMetrics.Model;

namespace NeuronMetrics.CloudWatch;

/// <summary>
/// PutMetricData over the Query protocol: validate, encode, compress, sign, send, retry. One call at a
/// time (buffers are reused); a later move to AWSSDK.CloudWatch would replace this class only.
/// </summary>
internal sealed class CloudWatchClient : IDisposable
{
    /// <summary>A server Date this far from ours means our clock is off (SigV4 allows 5 minutes).</summary>
    private static readonly TimeSpan ClockSkewThreshold = TimeSpan.FromMinutes(4);

    private readonly CloudWatchEndpointResolver _endpoints;
    private readonly Func<string?> _fallbackRegion;
    private readonly ICredentialSource _credentials;
    private readonly HttpTransport _transport;
    private readonly RequestCompressor _compressor;
    private readonly RetryPolicy _retry;
    private readonly TimeProvider _clock;
    private readonly ThrottlePacer _pacer;
    private readonly ReusableBuffer _body = new();
    private readonly ReusableBuffer _compressed = new();
    private readonly List<MetricDatum> _valid = [];
    private ResolvedEndpoint? _endpoint;
    private TimeSpan _clockOffset;

    public CloudWatchClient(
        CloudWatchEndpointResolver endpoints,
        Func<string?> fallbackRegion,
        ICredentialSource credentials,
        HttpTransport transport,
        RequestCompressor compressor,
        RetryPolicy retry,
        TimeProvider clock,
        ThrottlePacer? pacer = null)
    {
        _endpoints = endpoints;
        _fallbackRegion = fallbackRegion;
        _credentials = credentials;
        _transport = transport;
        _compressor = compressor;
        _retry = retry;
        _clock = clock;
        _pacer = pacer ?? new ThrottlePacer(ThrottlePacer.DefaultInitialGap, ThrottlePacer.DefaultMaxGap);
    }

    /// <summary>The current gap between requests after throttling (zero when not throttled).</summary>
    public TimeSpan PacingGap => _pacer.Gap;

    /// <summary>Our estimate of (server time − local time), learnt from clock-skew errors.</summary>
    public TimeSpan ClockOffset => _clockOffset;

    /// <param name="batch">The datums to send.</param>
    /// <param name="retrying">Told about each failed attempt that will be retried, when it happens.</param>
    /// <param name="cancellationToken">Stops waiting and retrying (shutdown, or the batch was displaced).</param>
    public async Task<PutMetricDataResult> PutMetricDataAsync(MetricBatch batch, Action<RetryNotice>? retrying, CancellationToken cancellationToken)
    {
        var now = CorrectedNow();
        var invalid = new List<string>();
        _valid.Clear();
        foreach (var datum in batch.Data)
        {
            if (DatumValidator.Validate(datum, now) is { } reason)
            {
                invalid.Add($"{datum.MetricName}: {reason}");
            }
            else
            {
                _valid.Add(datum);
            }
        }

        if (_valid.Count == 0)
        {
            return new PutMetricDataResult(invalid.Count == 0, 0, invalid, 0, null);
        }

        try
        {
            _endpoint ??= _endpoints.Resolve(_fallbackRegion());
        }
        catch (CloudWatchConfigurationException ex)
        {
            return new PutMetricDataResult(false, 0, invalid, 0, new ServiceError("ConfigurationError", ex.Message, null));
        }

        QueryEncoder.Encode(batch with { Data = _valid }, _body);
        var payload = _body;
        string? contentEncoding = null;
        if (_compressor.ShouldCompress(_body.Length))
        {
            RequestCompressor.Compress(_body.Span, _compressed);
            payload = _compressed;
            contentEncoding = "gzip";
        }

        if (_pacer.Gap > TimeSpan.Zero)
        {
            await Task.Delay(_pacer.Gap, _clock, cancellationToken).ConfigureAwait(false);
        }

        var started = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var (error, failure) = await AttemptAsync(_endpoint, payload, contentEncoding, cancellationToken).ConfigureAwait(false);
            if (error is null)
            {
                _pacer.OnUnthrottled();
                return new PutMetricDataResult(true, _valid.Count, invalid, attempt, null);
            }

            if (RetryPolicy.IsThrottle(failure))
            {
                _pacer.OnThrottled();
            }

            var decision = _retry.Decide(failure, attempt, started.Elapsed);
            if (!decision.ShouldRetry)
            {
                return new PutMetricDataResult(false, 0, invalid, attempt, error);
            }

            // After throttling, wait at least the pacing gap even if the jittered backoff came out shorter.
            var delay = decision.Delay > _pacer.Gap ? decision.Delay : _pacer.Gap;
            retrying?.Invoke(new RetryNotice(attempt, error, delay, decision.Reason));
            await Task.Delay(delay, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(ServiceError? Error, AttemptFailure Failure)> AttemptAsync(
        ResolvedEndpoint endpoint, ReusableBuffer payload, string? contentEncoding, CancellationToken cancellationToken)
    {
        try
        {
            var credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            var signedHeaders = new List<KeyValuePair<string, string>>(2) { new("Content-Type", HttpTransport.ContentType) };
            if (contentEncoding is not null)
            {
                signedHeaders.Add(new("Content-Encoding", contentEncoding));
            }

            var authorization = await SigV4RequestSigner.SignAsync(
                HttpMethod.Post, endpoint.Uri, signedHeaders, payload.Memory, credentials, endpoint.SigningRegion,
                CorrectedNow().UtcDateTime, cancellationToken).ConfigureAwait(false);

            var response = await _transport.PostAsync(
                endpoint.Uri, payload.Array, payload.Length, contentEncoding, authorization, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is >= 200 and < 300)
            {
                return (null, default);
            }

            var error = ErrorResponseParser.Parse(response.Body, response.RequestId)
                ?? new ServiceError($"Http{response.StatusCode}", $"HTTP {response.StatusCode} without an error body", response.RequestId);
            var corrected = CorrectClockSkew(response.Date);
            return (error, new AttemptFailure(response.StatusCode, error.Code, TransportFailure.None, corrected));
        }
        catch (TransportException ex)
        {
            return (new ServiceError(ex.Failure == TransportFailure.Timeout ? "Timeout" : "ConnectionFailure", ex.Message, null),
                new AttemptFailure(null, null, ex.Failure));
        }
        catch (CloudWatchConfigurationException ex)
        {
            return (new ServiceError("CredentialsError", ex.Message, null), new AttemptFailure(null, null, TransportFailure.None));
        }
        catch (Amazon.Runtime.AmazonClientException ex)
        {
            // Credential resolution failed (no provider, IMDS unreachable): may be transient, retry like a connection failure.
            return (new ServiceError("CredentialsError", ex.Message, null), new AttemptFailure(null, null, TransportFailure.ConnectionFailure));
        }
    }

    /// <summary>Learns the offset from the server's Date header; true when it moved by more than the skew threshold.</summary>
    private bool CorrectClockSkew(DateTimeOffset? serverDate)
    {
        if (serverDate is not { } date)
        {
            return false;
        }

        var skew = date - CorrectedNow();
        if (skew.Duration() < ClockSkewThreshold)
        {
            return false;
        }

        _clockOffset += skew;
        return true;
    }

    private DateTimeOffset CorrectedNow() => _clock.GetUtcNow() + _clockOffset;

    public void Dispose()
    {
        _transport.Dispose();
        (_credentials as IDisposable)?.Dispose();
    }
}
