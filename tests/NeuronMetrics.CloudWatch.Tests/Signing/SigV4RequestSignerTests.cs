using System.Globalization;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using NeuronMetrics.CloudWatch.Signing;
using NeuronMetrics.CloudWatch.Tests.Fakes;

namespace NeuronMetrics.CloudWatch.Tests.Signing;

/// <summary>Vectors computed once with botocore.auth.SigV4Auth by TestData/Signing/make_vectors.py.</summary>
public sealed class SigV4RequestSignerTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public static TheoryData<string> Vectors => ["basic", "session_token", "gzip_body", "custom_endpoint_port"];

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task SignAsync_BotocoreVector_ProducesSameAuthorization(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(GoldenBatch.PathOf("Signing/sigv4_vectors.json")));
        var vector = document.RootElement.EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
        var headers = vector.GetProperty("headers").EnumerateObject()
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList();
        AWSCredentials credentials = vector.TryGetProperty("token", out var token)
            ? new SessionAWSCredentials(AccessKey, SecretKey, token.GetString())
            : new BasicAWSCredentials(AccessKey, SecretKey);
        var time = DateTime.Parse(vector.GetProperty("time").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        var signed = await SigV4RequestSigner.SignAsync(
            new HttpMethod(vector.GetProperty("method").GetString()!),
            new Uri(vector.GetProperty("url").GetString()!),
            headers,
            Convert.FromBase64String(vector.GetProperty("body").GetString()!),
            credentials,
            RegionEndpoint.GetBySystemName(vector.GetProperty("region").GetString()!),
            time,
            CancellationToken.None);

        var byName = new Dictionary<string, string>(signed, StringComparer.OrdinalIgnoreCase);
        byName["Authorization"].Should().Be(vector.GetProperty("expectedAuthorization").GetString());
        byName["X-Amz-Date"].Should().Be(vector.GetProperty("expectedAmzDate").GetString());
        byName["X-Amz-Content-SHA256"].Should().Be(vector.GetProperty("expectedContentSha256").GetString());
        if (token.ValueKind == JsonValueKind.String)
        {
            byName["X-Amz-Security-Token"].Should().Be(token.GetString());
        }
        else
        {
            byName.Should().NotContainKey("X-Amz-Security-Token");
        }
    }
}
