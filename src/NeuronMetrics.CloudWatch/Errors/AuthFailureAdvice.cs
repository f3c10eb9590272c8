namespace NeuronMetrics.CloudWatch.Errors;

/// <summary>What a person should fix when CloudWatch refuses our credentials, by error code.</summary>
internal static class AuthFailureAdvice
{
    public static string For(string? code) => code switch
    {
        "SignatureDoesNotMatch" or "InvalidSignatureException" or "IncompleteSignature" or "IncompleteSignatureException"
            => "the signature was refused: check the secret access key and the system clock (NTP)",
        "RequestTimeTooSkewed" or "RequestInTheFuture" or "RequestExpired"
            => "the request time was refused: check the system clock (NTP)",
        "ExpiredToken" or "ExpiredTokenException" or "TokenRefreshRequired"
            => "the credentials expired and fresh ones could not be had: check the credential source (role, profile, environment)",
        "MissingAuthenticationToken" or "MissingAuthenticationTokenException"
            => "no valid credentials were sent: check the credentials and the endpoint URL",
        "AccessDenied" or "AccessDeniedException" or "UnauthorizedOperation" or "UnauthorizedAccess" or "NotAuthorized" or "NotAuthorizedException" or "OptInRequired"
            => "the credentials lack permission: allow cloudwatch:PutMetricData in the IAM policy of the role or user (and check SCPs and permission boundaries)",
        _ => "the credentials were refused: check the access key (deleted or rotated key, wrong account or partition) and the credential source",
    };
}
