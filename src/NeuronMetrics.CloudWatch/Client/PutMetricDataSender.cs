using Amazon.Runtime;
using NeuronMetrics.CloudWatch.Credentials;
using NeuronMetrics.CloudWatch.Endpoints;
using NeuronMetrics.CloudWatch.Errors;
using NeuronMetrics.CloudWatch.Retry;
using NeuronMetrics.CloudWatch.Signing;
using NeuronMetrics.CloudWatch.Transport;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.CloudWatch.Client;

/// <summary>
/// The second layer of the client: one attempt. Resolves the endpoint (late: the region may come from the first
/// report) and the credentials, signs with AWSSDK.Core's SigV4 signer, sends, and classifies the answer. Never
/// retries and never throws for a failed attempt.
/// </summary>
internal sealed class PutMetricDataSender(
    CloudWatchEndpointResolver endpoints,
    Func<string?> fallbackRegion,
    ICredentialSource credentials,
    HttpTransport transport,
    TimeProvider clock) : IDisposable
{
    private ResolvedEndpoint? _endpoint;

    /// <param name="request">The built request.</param>
    /// <param name="signingTime">The service's idea of now.</param>
    /// <param name="cancellationToken">Shutdown: cuts the attempt short.</param>
    public Task<AttemptOutcome> SendAsync(PutMetricDataRequest request, DateTimeOffset signingTime, CancellationToken cancellationToken) =>
        SendAsync(request.Payload, request.ContentEncoding, signingTime, cancellationToken);

    /// <summary>One attempt of any Query action body (<see cref="Query.QueryActionEncoder"/>), signed and classified the same way.</summary>
    /// <param name="payload">The body as sent.</param>
    /// <param name="contentEncoding">"gzip", or null for an uncompressed body.</param>
    /// <param name="signingTime">The service's idea of now.</param>
    /// <param name="cancellationToken">Shutdown: cuts the attempt short.</param>
    public async Task<AttemptOutcome> SendAsync(Query.ReusableBuffer payload, string? contentEncoding, DateTimeOffset signingTime, CancellationToken cancellationToken)
    {
        long started = clock.GetTimestamp();
        try
        {
            _endpoint ??= endpoints.Resolve(fallbackRegion());
        }
        catch (CloudWatchConfigurationException ex)
        {
            return Local(FailureKind.Configuration, "ConfigurationError", ex.Message, started);
        }

        AWSCredentials resolved;
        try
        {
            resolved = await credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException or ProcessAWSCredentialException or CloudWatchConfigurationException or IOException or InvalidDataException or InvalidOperationException)
        {
            // Resolution failed (IMDS unreachable, a file being rewritten): may be transient. The text may quote a credentials file.
            return Local(FailureKind.Credentials, "CredentialsError", ex.Message, started);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new AttemptOutcome(FailureKind.Connection, null, null, null, null, clock.GetElapsedTime(started), Cancelled: true);
        }

        try
        {
            var signedHeaders = new List<KeyValuePair<string, string>>(2) { new("Content-Type", HttpTransport.ContentType) };
            if (contentEncoding is not null)
            {
                signedHeaders.Add(new("Content-Encoding", contentEncoding));
            }

            var authorization = await SigV4RequestSigner.SignAsync(
                HttpMethod.Post, _endpoint.Uri, signedHeaders, payload.Memory, resolved, _endpoint.SigningRegion,
                signingTime.UtcDateTime, cancellationToken).ConfigureAwait(false);
            var response = await transport.PostAsync(
                _endpoint.Uri, payload.Array, payload.Length, contentEncoding, authorization, cancellationToken).ConfigureAwait(false);
            return Classify(response, clock.GetElapsedTime(started));
        }
        catch (TransportException ex)
        {
            var kind = ex.Failure == TransportFailure.Timeout ? FailureKind.Timeout : FailureKind.Connection;
            var code = ex.Failure == TransportFailure.Timeout ? "Timeout" : "ConnectionFailure";
            return Local(kind, code, ex.Message, started) with { MaybeReceived = ex.Failure != TransportFailure.ConnectionFailure };
        }
        catch (AmazonClientException ex)
        {
            // Refreshing credentials inside the signer failed.
            return Local(FailureKind.Credentials, "CredentialsError", ex.Message, started);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new AttemptOutcome(FailureKind.Timeout, null, null, null, null, clock.GetElapsedTime(started), MaybeReceived: true, Cancelled: true);
        }
    }

    private static AttemptOutcome Classify(TransportResponse response, TimeSpan latency)
    {
        var requestId = ServiceError.Token(response.RequestId);
        if (response.StatusCode is >= 200 and < 300)
        {
            return new AttemptOutcome(FailureKind.None, response.StatusCode, null, requestId, response.Date, latency);
        }

        var error = ErrorResponseParser.Parse(response.Body, response.RequestId)
            ?? new ServiceError($"Http{response.StatusCode}", $"HTTP {response.StatusCode} without an error body", requestId);
        var kind = FailureClassifier.Classify(response.StatusCode, error.Code);
        return new AttemptOutcome(kind, response.StatusCode, error, error.RequestId ?? requestId, response.Date, latency);
    }

    private AttemptOutcome Local(FailureKind kind, string code, string message, long started) =>
        new(kind, null, new ServiceError(code, SecretScrubber.Scrub(message), null), null, null, clock.GetElapsedTime(started));

    public void Dispose()
    {
        transport.Dispose();
        (credentials as IDisposable)?.Dispose();
    }
}
