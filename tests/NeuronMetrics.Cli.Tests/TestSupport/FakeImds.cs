using System.Text.Json;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>
/// EC2 instance metadata (IMDSv2) on 127.0.0.1: PUT /latest/api/token hands out a token, and
/// GET /latest/dynamic/instance-identity/document answers only with it. neuron-cw finds it through
/// AWS_EC2_METADATA_SERVICE_ENDPOINT (see <see cref="Environment"/>).
/// </summary>
internal sealed class FakeImds : IAsyncDisposable
{
    private const string Token = "fake-imds-token";

    private readonly ScriptedHttpServer _server;

    /// <param name="document">The identity document; null answers every request with 404 (not an instance).</param>
    /// <param name="delay">How long each answer takes.</param>
    public FakeImds(string? document, TimeSpan delay = default) => _server = new ScriptedHttpServer(request => Answer(request, document).Slow(delay));

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <summary>The variables that point neuron-cw's IMDS client here (they override NeuronCwProcess's AWS_EC2_METADATA_DISABLED).</summary>
    public Dictionary<string, string?> Environment() => new()
    {
        ["AWS_EC2_METADATA_DISABLED"] = null,
        ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = _server.BaseUrl,
    };

    public static string Document(string instanceId, string instanceType, string zone, string region) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["accountId"] = "111122223333",
        ["architecture"] = "x86_64",
        ["availabilityZone"] = zone,
        ["imageId"] = "ami-0123456789abcdef0",
        ["instanceId"] = instanceId,
        ["instanceType"] = instanceType,
        ["privateIp"] = "10.0.0.7",
        ["region"] = region,
    });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static ScriptedReply Answer(RecordedRequest request, string? document)
    {
        if (document is null)
        {
            return new ScriptedReply(404, "", "text/plain");
        }

        if (request.RequestLine.StartsWith("PUT /latest/api/token ", StringComparison.Ordinal) && request.Headers.ContainsKey("x-aws-ec2-metadata-token-ttl-seconds"))
        {
            return new ScriptedReply(200, Token, "text/plain");
        }

        bool authorized = request.Headers.TryGetValue("x-aws-ec2-metadata-token", out var token) && token == Token;
        return request.RequestLine.StartsWith("GET /latest/dynamic/instance-identity/document ", StringComparison.Ordinal)
            ? authorized ? new ScriptedReply(200, document, "application/json") : new ScriptedReply(401, "", "text/plain")
            : new ScriptedReply(404, "", "text/plain");
    }
}
