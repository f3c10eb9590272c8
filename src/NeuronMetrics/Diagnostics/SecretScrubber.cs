using System.Text;
using System.Text.RegularExpressions;

namespace NeuronMetrics.Diagnostics;

/// <summary>
/// Makes text that came from outside (exception messages quoting credential or config files, error messages
/// echoed by an endpoint) fit for a log line: quoted file lines, secret-named values, Authorization headers,
/// access key ids and long key-like strings are redacted, control characters become spaces, and the length is
/// capped. The one place every such text goes through before it is logged.
/// </summary>
public static partial class SecretScrubber
{
    /// <summary>Longest scrubbed text; a message longer than this is cut (after redaction, so no secret is split).</summary>
    public const int DefaultMaxLength = 512;

    private const string Redacted = "<redacted>";

    public static string Scrub(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        text = QuotedFileLine().Replace(text, "Line $1:" + Redacted);
        text = NamedSecret().Replace(text, "$1=" + Redacted);
        text = AuthorizationHeader().Replace(text, "$1: " + Redacted);
        text = SignatureParts().Replace(text, "$1=" + Redacted);
        text = AccessKeyId().Replace(text, Redacted);
        text = KeyLikeRun().Replace(text, Redacted);
        return Cap(WithoutControlCharacters(text), maxLength);
    }

    private static string WithoutControlCharacters(string text)
    {
        if (!text.AsSpan().ContainsAny(ControlCharacters))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            clean.Append(ControlCharacters.Contains(c) ? ' ' : c);
        }

        return clean.ToString();
    }

    private static string Cap(string text, int maxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength), "… (truncated)");

    /// <summary>C0 and C1 controls, DEL, and the bidirectional overrides and isolates that can disguise a log line.</summary>
    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Concat(Enumerable.Range(0x202A, 5)).Concat(Enumerable.Range(0x2066, 4)).Select(c => (char)c)));

    /// <summary>AWSSDK's INI parse errors quote the offending line: "Line 3:&lt;aws_secret_access_key …&gt; in file …".</summary>
    [GeneratedRegex(@"Line\s*(\d+)\s*:\s*<[^>]*(?:>|$)", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedFileLine();

    /// <summary>A secret-named setting or field and its value, with '=', ':' or (for the file keys) just space between.</summary>
    [GeneratedRegex(@"(?i)\b(aws_secret_access_key|aws_session_token|aws_security_token|secret_?access_?key|session_?token|security_?token|x-amz-security-token|token|password|secret)""?(?:\s*[=:]\s*|(?<=aws_\w+)\s+)""?[^\s"",;&}<]+", RegexOptions.CultureInvariant)]
    private static partial Regex NamedSecret();

    [GeneratedRegex(@"(?i)\b(authorization)\s*[:=]\s*[^\r\n]*", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationHeader();

    /// <summary>SigV4 parts quoted without their header name.</summary>
    [GeneratedRegex(@"\b(Credential|Signature|X-Amz-Signature|X-Amz-Credential)=[^\s,&]+", RegexOptions.CultureInvariant)]
    private static partial Regex SignatureParts();

    [GeneratedRegex(@"\b(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA|APKA|ABIA|ACCA)[A-Z0-9]{12,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex AccessKeyId();

    /// <summary>Secret access keys are 40 base64 characters, session tokens hundreds: no word or path is that long unbroken.</summary>
    [GeneratedRegex(@"[A-Za-z0-9/+=_-]{40,}", RegexOptions.CultureInvariant)]
    private static partial Regex KeyLikeRun();
}
