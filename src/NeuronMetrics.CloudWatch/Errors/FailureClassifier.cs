using NeuronMetrics.CloudWatch.Retry;

namespace NeuronMetrics.CloudWatch.Errors;

/// <summary>Classifies a CloudWatch error response (status and error code) into a <see cref="FailureKind"/>.</summary>
internal static class FailureClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    };

    /// <summary>Transient server-side codes that may come with a 4xx-looking status.</summary>
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalFailure", "InternalError", "ServiceUnavailable",
    };

    /// <summary>"Your clock is off": retried once the offset is learnt from the response's Date.</summary>
    private static readonly HashSet<string> ClockSkewCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeTooSkewed", "RequestInTheFuture",
    };

    /// <summary>Temporary credentials that ran out: resolving them again gives fresh ones.</summary>
    private static readonly HashSet<string> ExpiredCodes = new(StringComparer.Ordinal)
    {
        "ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired",
    };

    private static readonly HashSet<string> AuthenticationCodes = new(StringComparer.Ordinal)
    {
        "InvalidClientTokenId", "UnrecognizedClient", "UnrecognizedClientException", "InvalidAccessKeyId",
        "SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature", "IncompleteSignatureException",
        "MissingAuthenticationToken", "MissingAuthenticationTokenException", "AuthFailure", "InvalidToken",
    };

    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess",
        "NotAuthorized", "NotAuthorizedException", "OptInRequired",
    };

    public static FailureKind Classify(int status, string? code)
    {
        if (code is not null)
        {
            foreach (var (codes, kind) in Table)
            {
                if (codes.Contains(code))
                {
                    return kind;
                }
            }
        }

        return status switch
        {
            429 => FailureKind.Throttled,
            >= 500 and <= 599 => FailureKind.Transient,
            401 => FailureKind.Authentication,
            403 => FailureKind.AccessDenied,
            _ => FailureKind.Rejected,
        };
    }

    private static readonly (HashSet<string> Codes, FailureKind Kind)[] Table =
    [
        (ThrottlingCodes, FailureKind.Throttled),
        (TransientCodes, FailureKind.Transient),
        (ClockSkewCodes, FailureKind.ClockSkew),
        (ExpiredCodes, FailureKind.ExpiredCredentials),
        (AuthenticationCodes, FailureKind.Authentication),
        (AccessDeniedCodes, FailureKind.AccessDenied),
    ];
}
