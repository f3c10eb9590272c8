using System.Globalization;
using NeuronMetrics.Batching;
using NeuronMetrics.CloudWatch.Errors;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.CloudWatch;

/// <summary>
/// Sends each batch through an <see cref="IPutMetricDataClient"/> and says what became of it. Failures are one
/// line each (code, sanitized message and request id — never headers, credentials or the body); refused
/// credentials are said at most once a minute per error code, with what to fix. The sink keeps going, unless
/// every request has failed on authentication for the configured time: then it reports a fault and the run stops.
/// </summary>
public sealed class CloudWatchSink : IMetricSink
{
    /// <summary>At most one line about invalid datums per this interval, with a count of the ones not shown.</summary>
    private static readonly TimeSpan InvalidDatumLogInterval = TimeSpan.FromMinutes(1);

    /// <summary>A refused credential is the same every minute: say it once a minute, with the repeats counted.</summary>
    private static readonly TimeSpan AuthFailureLogInterval = TimeSpan.FromMinutes(1);

    private readonly IPutMetricDataClient _client;
    private readonly IDiagnosticLog _log;
    private readonly TimeProvider _clock;
    private readonly RepeatThrottle _authFailures;
    private DateTimeOffset _nextInvalidLog = DateTimeOffset.MinValue;
    private long _invalidNotLogged;
    private bool _delivered;

    public CloudWatchSink(IPutMetricDataClient client, IDiagnosticLog log, TimeProvider clock)
    {
        _client = client;
        _log = log;
        _clock = clock;
        _authFailures = new RepeatThrottle(log, clock, AuthFailureLogInterval);
    }

    /// <summary>The client's datum sizer: batches must be packed by it.</summary>
    public IDatumSizer Sizer => _client.Sizer;

    public async Task<SinkResult> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var result = await _client.PutMetricDataAsync(batch, cancellationToken).ConfigureAwait(false);
        ReportInvalid(result.Invalid);
        int datums = batch.Batch.Data.Count;
        int requests = result.Attempts > 0 ? 1 : 0;
        if (result.Status == PutMetricDataStatus.Delivered)
        {
            if (!_delivered)
            {
                _delivered = true;
                _log.Write(LogLevel.Info, $"first batch delivered: {result.DatumsSent} datums");
            }

            return new SinkResult(result.DatumsSent, datums - result.DatumsSent, 0, requests);
        }

        int inDoubt = result.DatumsInDoubt;
        var lost = new SinkResult(0, datums - inDoubt, inDoubt, requests);
        var error = result.Error ?? new ServiceError("Unknown", string.Empty, null);
        string requestId = error.RequestId is null ? string.Empty : $" (request id {error.RequestId})";
        string outcome = inDoubt > 0 ? $"{inDoubt} datum(s) in doubt (sent without an answer), {lost.Dropped} dropped" : $"{lost.Dropped} datum(s) dropped";
        switch (result.Status)
        {
            case PutMetricDataStatus.AuthenticationFailed:
                _authFailures.Write(LogLevel.Error, error.Code, $"CloudWatch refused the request: {error.Code}: {error.Message}{requestId}; {AuthFailureAdvice.For(error.Code)}; {outcome}");
                return lost;
            case PutMetricDataStatus.AuthenticationFailingTooLong:
                _log.Write(LogLevel.Error, $"every CloudWatch request has failed on authentication or permission for the auth failure timeout (last: {error.Code}{requestId}); {AuthFailureAdvice.For(error.Code)}; stopping");
                return lost with { Fault = SinkFault.AuthorizationFailing };
            case PutMetricDataStatus.Rejected or PutMetricDataStatus.RetriesExhausted:
                _log.Write(LogLevel.Error, string.Create(CultureInfo.InvariantCulture, $"CloudWatch PutMetricData failed after {result.Attempts} attempt(s): {error.Code}: {error.Message}{requestId}; {outcome}"));
                return lost;
            default:
                // Nothing to send, or abandoned: at shutdown the pipeline says what was not delivered; on overflow the queue did.
                return lost;
        }
    }

    private void ReportInvalid(IReadOnlyList<string> invalid)
    {
        if (invalid.Count == 0)
        {
            return;
        }

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
