using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.CloudWatch.Errors;

/// <summary>
/// An error returned by CloudWatch (or standing for a local failure): the error code, its message and the request id.
/// Text echoed by an endpoint is not trusted: <see cref="FromEndpoint"/> keeps the code and request id to a safe
/// alphabet and scrubs and caps the message, so nothing it holds can forge log lines or carry a secret into them.
/// </summary>
public sealed record ServiceError(string Code, string Message, string? RequestId, string? Type = null)
{
    /// <summary>Longest error message kept from a response.</summary>
    public const int MaxMessageLength = 256;

    /// <summary>Longest error code or request id kept from a response.</summary>
    public const int MaxTokenLength = 100;

    public static ServiceError FromEndpoint(string code, string? message, string? requestId, string? type = null) =>
        new(Token(code) ?? "Unknown", SecretScrubber.Scrub(message?.Trim(), MaxMessageLength), Token(requestId), Token(type));

    /// <summary>Letters, digits and . _ : # - only, capped; null when nothing is left.</summary>
    internal static string? Token(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var kept = new string([.. text.Trim().Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '#' or '-').Take(MaxTokenLength)]);
        return kept.Length == 0 ? null : kept;
    }
}
