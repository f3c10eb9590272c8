using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Metadata;

/// <summary>
/// Reads the cluster and task family once at startup from the ECS task metadata endpoint v4
/// (<c>$ECS_CONTAINER_METADATA_URI_V4/task</c>, JSON fields <c>Cluster</c> — a name or an ARN —
/// and <c>Family</c>). The values become dimensions, so the endpoint is trusted no further than it must be:
/// only the link-local or loopback address ECS documents, no redirects, a bounded body, valid UTF-8.
/// </summary>
public static class EcsTaskMetadataReader
{
    /// <summary>The environment variable ECS sets in every container of a task (platform 1.4+ / agent 1.39+).</summary>
    public const string EndpointVariable = "ECS_CONTAINER_METADATA_URI_V4";

    /// <summary>The endpoint is local to the task; anything slower than this means it is not there.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A task document is a few KB per container; a larger answer is not the endpoint we expect.</summary>
    public const int MaxResponseBytes = 256 * 1024;

    /// <exception cref="EcsMetadataException">No endpoint, no answer in time, or not the expected JSON.</exception>
    public static async Task<EcsTaskInfo> ReadAsync(string? endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var uri = TaskUri(endpoint);
        byte[] body;
        using var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = timeout, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { Timeout = timeout, MaxResponseContentBufferSize = MaxResponseBytes };
        try
        {
            using var response = await client.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                string redirect = (int)response.StatusCode is >= 300 and < 400 ? " (redirects are not followed)" : "";
                throw new EcsMetadataException($"ECS task metadata {uri}: HTTP {(int)response.StatusCode}{redirect}");
            }

            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            // The client's error can quote what the endpoint sent (an invalid header line): scrubbed like any echoed text.
            throw new EcsMetadataException($"ECS task metadata {uri}: {SecretScrubber.Scrub(ex.Message)}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EcsMetadataException($"ECS task metadata {uri}: no answer within {timeout.TotalSeconds:0.###} s", ex);
        }

        return Parse(body, uri);
    }

    /// <summary>
    /// The task document's URI. ECS serves task metadata on a link-local address (169.254.170.2) and its agent
    /// on loopback; any other host (a name, a public or private address) is refused rather than asked.
    /// </summary>
    public static Uri TaskUri(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            throw new EcsMetadataException($"{EndpointVariable} is not set (not running in an ECS task?)");
        }

        if (!Uri.TryCreate(endpoint.TrimEnd('/') + "/task", UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0)
        {
            throw new EcsMetadataException($"{EndpointVariable} is not an http URL: '{endpoint}'");
        }

        if (!IPAddress.TryParse(uri.IdnHost, out var address) || !IsLinkLocalOrLoopback(address))
        {
            throw new EcsMetadataException($"{EndpointVariable} '{endpoint}' is not on a link-local or loopback address, as ECS sets it");
        }

        return uri;
    }

    /// <summary>The cluster name (the part after the last '/' of an ARN) and family of a task metadata document.</summary>
    public static EcsTaskInfo Parse(ReadOnlySpan<byte> json, Uri source)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new EcsMetadataException($"ECS task metadata {source}: not a JSON object");
            }

            string? cluster = null, family = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isCluster = reader.ValueTextEquals("Cluster"u8);
                bool isFamily = reader.ValueTextEquals("Family"u8);
                reader.Read();
                if ((isCluster || isFamily) && reader.TokenType == JsonTokenType.String)
                {
                    string value = reader.GetString()!;
                    if (isCluster)
                    {
                        cluster = ClusterName(value);
                    }
                    else
                    {
                        family = value;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            return new EcsTaskInfo(NullIfEmpty(cluster), NullIfEmpty(family));
        }
        catch (JsonException ex)
        {
            throw new EcsMetadataException($"ECS task metadata {source}: invalid JSON ({SecretScrubber.Scrub(ex.Message)})", ex);
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader.GetString: a string that is not valid UTF-8.
            throw new EcsMetadataException($"ECS task metadata {source}: invalid UTF-8 in a string", ex);
        }
    }

    /// <summary>"arn:aws:ecs:region:account:cluster/name" → "name"; a plain name stays as it is.</summary>
    public static string ClusterName(string cluster)
    {
        int slash = cluster.LastIndexOf('/');
        return cluster.StartsWith("arn:", StringComparison.Ordinal) && slash >= 0 ? cluster[(slash + 1)..] : cluster;
    }

    private static bool IsLinkLocalOrLoopback(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal)
        {
            return true;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes() is [169, 254, _, _];
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
