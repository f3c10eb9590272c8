using NeuronMetrics.CloudWatch.Errors;
using NeuronMetrics.CloudWatch.Retry;

namespace NeuronMetrics.CloudWatch.Client;

/// <summary>How one attempt ended.</summary>
/// <param name="Kind">The classified failure (<see cref="FailureKind.None"/>: accepted).</param>
/// <param name="StatusCode">The HTTP status, when a response arrived.</param>
/// <param name="Error">Why it failed (service error, or a synthetic code for local failures); null when accepted.</param>
/// <param name="RequestId">The request id the service gave, if any.</param>
/// <param name="ServerDate">The response's Date header (for clock skew).</param>
/// <param name="Latency">From sending to the end of the response.</param>
/// <param name="MaybeReceived">No answer came although the request may have reached the service (timeout, broken connection, shutdown).</param>
/// <param name="Cancelled">Shutdown cut the attempt short.</param>
internal sealed record AttemptOutcome(
    FailureKind Kind,
    int? StatusCode,
    ServiceError? Error,
    string? RequestId,
    DateTimeOffset? ServerDate,
    TimeSpan Latency,
    bool MaybeReceived = false,
    bool Cancelled = false)
{
    public bool Accepted => Kind == FailureKind.None;
}
