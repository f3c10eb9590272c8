using System.Security.Cryptography;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace NeuronMetrics.CloudWatch.Signing;

/// <summary>
/// Signs one PutMetricData attempt with AWSSDK.Core's SigV4 signer. The body hash is computed here
/// and passed as X-Amz-Content-SHA256 so the signer need not copy the pooled body buffer.
/// </summary>
internal static class SigV4RequestSigner
{
    /// <summary>The SigV4 signing name of CloudWatch (its endpoint prefix).</summary>
    public const string ServiceName = "monitoring";

    /// <summary>
    /// Returns the headers to add to the request (Authorization, X-Amz-Date, X-Amz-Content-SHA256 and,
    /// for temporary credentials, X-Amz-Security-Token). <paramref name="headers"/> are the other
    /// headers that will be sent and must be covered by the signature (Content-Type, Content-Encoding).
    /// </summary>
    public static async Task<IDictionary<string, string>> SignAsync(
        HttpMethod method,
        Uri requestUri,
        IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlyMemory<byte> body,
        AWSCredentials credentials,
        RegionEndpoint region,
        DateTime signedAtUtc,
        CancellationToken cancellationToken)
    {
        var request = new AWSSigningRequest { HttpMethod = method, RequestUri = requestUri };
        foreach (var header in headers)
        {
            request.Headers[header.Key] = header.Value;
        }

        request.Headers["X-Amz-Content-SHA256"] = Convert.ToHexStringLower(SHA256.HashData(body.Span));

        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = region,
            Service = ServiceName,
            SignedAt = DateTime.SpecifyKind(signedAtUtc, DateTimeKind.Utc),
        };

        var result = await AWSSigV4Signer.SignAsync(request, parameters, cancellationToken).ConfigureAwait(false);
        return result.Headers;
    }
}
