namespace NeuronMetrics.CloudWatch.Retry;

/// <summary>What kind of failure an attempt ended in: the retry layer decides on this, not on raw codes.</summary>
internal enum FailureKind
{
    /// <summary>The request was accepted.</summary>
    None,

    /// <summary>The service asked us to slow down (throttling code or HTTP 429).</summary>
    Throttled,

    /// <summary>A server-side error worth retrying (HTTP 5xx, InternalFailure, ServiceUnavailable…).</summary>
    Transient,

    /// <summary>No response within the timeout: the request may or may not have been processed.</summary>
    Timeout,

    /// <summary>No connection could be made, or it broke: retried.</summary>
    Connection,

    /// <summary>Our clock is too far from the service's (RequestTimeTooSkewed): retried once the offset is learnt.</summary>
    ClockSkew,

    /// <summary>The credentials expired (ExpiredToken, RequestExpired): resolved again and retried.</summary>
    ExpiredCredentials,

    /// <summary>The credentials or the signature were refused (InvalidClientTokenId, SignatureDoesNotMatch…): not retried.</summary>
    Authentication,

    /// <summary>The credentials lack permission (AccessDenied…): not retried.</summary>
    AccessDenied,

    /// <summary>Credentials could not be resolved locally (chain failed, IMDS unreachable): may be transient, retried.</summary>
    Credentials,

    /// <summary>Nothing can be sent as configured (no region yet): not retried.</summary>
    Configuration,

    /// <summary>The service refused the request itself (InvalidParameterValue and other 4xx): not retried.</summary>
    Rejected,
}
