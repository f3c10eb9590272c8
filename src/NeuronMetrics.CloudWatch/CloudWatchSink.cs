using NeuronMetrics.CloudWatch.Credentials;
using NeuronMetrics.CloudWatch.Endpoints;
using NeuronMetrics.CloudWatch.Retry;
using NeuronMetrics.CloudWatch.Transport;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Model;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.CloudWatch;

/// <summary>
/// Sends each batch to CloudWatch. Failures are reported (one line, code and message only — never
/// headers, credentials or the body) and counted as dropped datums; the sink keeps going.
/// </summary>
public sealed class CloudWatchSink : IMetricSink
{
    /// <summary>At most one line about invalid datums per this interval, with a count of the ones not shown.</summary>
    private static readonly TimeSpan InvalidDatumLogInterval = TimeSpan.FromMinutes(1);

    /// <summary>During an outage a retry happens every few seconds for hours: say so at most once a minute.</summary>
    private static readonly TimeSpan RetryLogInterval = TimeSpan.FromMinutes(1);

    private readonly CloudWatchClient _client;
    private readonly IDiagnosticLog _log;
    private readonly PipelineStatistics _statistics;
    private readonly TimeProvider _clock;
    private readonly RepeatThrottle _retryWarnings;
    private readonly Action<RetryNotice> _retrying;
    private DateTimeOffset _nextInvalidLog = DateTimeOffset.MinValue;
    private long _invalidNotLogged;

    private CloudWatchSink(CloudWatchClient client, IDiagnosticLog log, PipelineStatistics statistics, TimeProvider clock)
    {
        _client = client;
        _log = log;
        _statistics = statistics;
        _clock = clock;
        _retryWarnings = new RepeatThrottle(log, clock, RetryLogInterval);
        _retrying = OnRetrying;
    }

    /// <summary>
    /// Builds the sink. Throws <see cref="CloudWatchConfigurationException"/> for a malformed endpoint URL or
    /// invalid AWS_DISABLE_REQUEST_COMPRESSION / AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES. Does not contact AWS.
    /// </summary>
    public static CloudWatchSink Create(CloudWatchSinkOptions options, IDiagnosticLog log, PipelineStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Retry.MaxAttempts, 1);
        var endpoints = new CloudWatchEndpointResolver(options.Region, options.EndpointUrl, options.Profile, options.Environment, options.ProfileRegion);
        endpoints.ExplicitEndpoint();
        var compression = CompressionSettings.FromEnvironment(options.Environment, out var compressionError);
        if (compressionError is not null)
        {
            throw new CloudWatchConfigurationException(compressionError);
        }

        var client = new CloudWatchClient(
            endpoints,
            options.FallbackRegion ?? (() => null),
            options.Credentials ?? new DefaultCredentialSource(options.Profile),
            new HttpTransport(options.AttemptTimeout, options.HttpHandler),
            new RequestCompressor(compression),
            new RetryPolicy(options.Retry, options.Random ?? Random.Shared),
            options.Clock,
            new ThrottlePacer(options.ThrottleGap, options.MaxThrottleGap));
        return new CloudWatchSink(client, log, statistics, options.Clock);
    }

    public async Task SendAsync(MetricBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var result = await _client.PutMetricDataAsync(batch, _retrying, cancellationToken).ConfigureAwait(false);
        ReportInvalid(result.DatumsInvalid);
        if (result.Attempts > 0)
        {
            _statistics.AddRequest();
        }

        if (result.Delivered)
        {
            _statistics.AddDatumsSent(result.DatumsSent);
            return;
        }

        var lost = batch.Data.Count - result.DatumsInvalid.Count;
        if (lost > 0 && result.Error is { } error)
        {
            _statistics.AddDatumsDropped(lost);
            var requestId = error.RequestId is null ? string.Empty : $" (request id {error.RequestId})";
            _log.Write(LogLevel.Error, $"CloudWatch PutMetricData failed after {result.Attempts} attempt(s): {error.Code}: {error.Message}{requestId}; {lost} datum(s) dropped");
        }
    }

    /// <summary>Counts each retry when it happens, so the periodic stats line shows an outage while it lasts.</summary>
    private void OnRetrying(RetryNotice notice)
    {
        _statistics.AddRetry();
        _retryWarnings.Write(
            LogLevel.Warning,
            "retry",
            $"CloudWatch PutMetricData attempt {notice.FailedAttempt} failed ({notice.Reason}: {notice.Error.Code}: {notice.Error.Message}); retrying in {notice.Delay.TotalSeconds:0.###} s");
    }

    private void ReportInvalid(IReadOnlyList<string> invalid)
    {
        if (invalid.Count == 0)
        {
            return;
        }

        _statistics.AddDatumsDropped(invalid.Count);
        var now = _clock.GetUtcNow();
        if (now < _nextInvalidLog)
        {
            _invalidNotLogged += invalid.Count;
            return;
        }

        _nextInvalidLog = now + InvalidDatumLogInterval;
        var more = invalid.Count - 1 + _invalidNotLogged;
        _invalidNotLogged = 0;
        var suffix = more > 0 ? $" (+{more} more invalid datum(s) dropped since the last report)" : string.Empty;
        _log.Write(LogLevel.Warning, $"dropped invalid datum {invalid[0]}{suffix}");
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
