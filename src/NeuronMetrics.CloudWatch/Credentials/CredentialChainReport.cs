using System.Text.RegularExpressions;
using Amazon.Runtime;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.CloudWatch.Credentials;

/// <summary>
/// Turns a failed credential chain into one readable line per source: AWSSDK.Core reports "Exception 1 of 4: …"
/// with stack-trace-like noise (a web identity "must be an absolute path" when none is configured). Sources not
/// configured are said plainly from the environment; what a source reported is scrubbed.
/// </summary>
internal static partial class CredentialChainReport
{
    public static IReadOnlyList<string> Describe(Exception exception, Func<string, string?> environment)
    {
        if (exception is ProcessAWSCredentialException)
        {
            return [$"credential_process failed: {SecretScrubber.Scrub(exception.Message)}"];
        }

        var parts = Segment().Split(exception.Message);
        if (parts.Length < 2)
        {
            return [SecretScrubber.Scrub(exception.Message)];
        }

        // Split keeps the text between "Exception i of n:" markers; the first part is the SDK's preamble.
        return [.. parts.Skip(1).Select(p => p.Trim()).Where(p => p.Length > 0).Select(p => Line(p, environment))];
    }

    private static string Line(string reported, Func<string, string?> environment)
    {
        if (reported.Contains("AWS_ACCESS_KEY_ID", StringComparison.Ordinal))
        {
            return "environment: " + EnvironmentKeys(environment);
        }

        if (reported.Contains("webIdentity", StringComparison.OrdinalIgnoreCase) || reported.Contains("web identity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(environment("AWS_WEB_IDENTITY_TOKEN_FILE"))
                ? "web identity (EKS IRSA): AWS_WEB_IDENTITY_TOKEN_FILE is not set"
                : "web identity (EKS IRSA): " + SecretScrubber.Scrub(reported);
        }

        if (reported.Contains("instance metadata", StringComparison.OrdinalIgnoreCase))
        {
            return string.Equals(environment("AWS_EC2_METADATA_DISABLED")?.Trim(), "true", StringComparison.OrdinalIgnoreCase)
                ? "EC2 instance metadata (IMDS): disabled by AWS_EC2_METADATA_DISABLED"
                : "EC2 instance metadata (IMDS): " + SecretScrubber.Scrub(reported);
        }

        if (reported.Contains("profile", StringComparison.OrdinalIgnoreCase) || reported.Contains(" in file ", StringComparison.Ordinal))
        {
            return "shared config/credentials files: " + SecretScrubber.Scrub(reported);
        }

        return SecretScrubber.Scrub(reported);
    }

    /// <summary>Which of the pair is missing: the SDK only says "were not set".</summary>
    private static string EnvironmentKeys(Func<string, string?> environment)
    {
        bool id = !string.IsNullOrWhiteSpace(environment("AWS_ACCESS_KEY_ID"));
        bool secret = !string.IsNullOrWhiteSpace(environment("AWS_SECRET_ACCESS_KEY"));
        return (id, secret) switch
        {
            (true, false) => "AWS_SECRET_ACCESS_KEY is not set (AWS_ACCESS_KEY_ID is)",
            (false, true) => "AWS_ACCESS_KEY_ID is not set (AWS_SECRET_ACCESS_KEY is)",
            (false, false) => "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set",
            _ => "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set but were not usable",
        };
    }

    [GeneratedRegex(@"Exception \d+ of \d+:", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
