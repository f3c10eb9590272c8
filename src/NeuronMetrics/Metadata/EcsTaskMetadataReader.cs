using System.Text.Json;

namespace NeuronMetrics.Metadata;

/// <summary>
/// Reads the cluster and task family once at startup from the ECS task metadata endpoint v4
/// (<c>$ECS_CONTAINER_METADATA_URI_V4/task</c>, JSON fields <c>Cluster</c> — a name or an ARN —
/// and <c>Family</c>).
/// </summary>
public static class EcsTaskMetadataReader
{
    /// <summary>The environment variable ECS sets in every container of a task (platform 1.4+ / agent 1.39+).</summary>
    public const string EndpointVariable = "ECS_CONTAINER_METADATA_URI_V4";

    /// <summary>The endpoint is local to the task; anything slower than this means it is not there.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Metadata documents are a few KB; a larger answer is not the endpoint we expect.</summary>
    private const int MaxResponseBytes = 1 << 20;

    /// <exception cref="EcsMetadataException">No endpoint, no answer in time, or not the expected JSON.</exception>
    public static async Task<EcsTaskInfo> ReadAsync(string? endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            throw new EcsMetadataException($"{EndpointVariable} is not set (not running in an ECS task?)");
        }

        if (!Uri.TryCreate(endpoint.TrimEnd('/') + "/task", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new EcsMetadataException($"{EndpointVariable} is not an http URL: '{endpoint}'");
        }

        byte[] body;
        using var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = timeout };
        using var client = new HttpClient(handler) { Timeout = timeout, MaxResponseContentBufferSize = MaxResponseBytes };
        try
        {
            using var response = await client.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new EcsMetadataException($"ECS task metadata {uri}: HTTP {(int)response.StatusCode}");
            }

            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new EcsMetadataException($"ECS task metadata {uri}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EcsMetadataException($"ECS task metadata {uri}: no answer within {timeout.TotalSeconds:0.###} s", ex);
        }

        return Parse(body, uri);
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
            throw new EcsMetadataException($"ECS task metadata {source}: invalid JSON ({ex.Message})", ex);
        }
    }

    /// <summary>"arn:aws:ecs:region:account:cluster/name" → "name"; a plain name stays as it is.</summary>
    public static string ClusterName(string cluster)
    {
        int slash = cluster.LastIndexOf('/');
        return cluster.StartsWith("arn:", StringComparison.Ordinal) && slash >= 0 ? cluster[(slash + 1)..] : cluster;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
