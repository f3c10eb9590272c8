using System.Text.Json;
using Amazon.Util;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Metadata;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Cli;

/// <summary>
/// The instance identity document from EC2 instance metadata, through AWSSDK.Core's IMDSv2 client (token PUT, then
/// GET /latest/dynamic/instance-identity/document): id, type, zone and region in one answer. The SDK honours
/// AWS_EC2_METADATA_DISABLED and AWS_EC2_METADATA_SERVICE_ENDPOINT (tests run a fake on loopback). Its calls take
/// no cancellation token; the caller bounds the wait (<see cref="InstanceInfoCompleter"/>) and a late answer is dropped.
/// </summary>
internal sealed class Ec2InstanceMetadataSource : IInstanceMetadataSource
{
    /// <summary>The document is under 1 KB; anything far larger is not it.</summary>
    private const int MaxDocumentChars = 16 * 1024;

    /// <summary>Longest value taken from the document (ids, types, zones and regions are far shorter).</summary>
    private const int MaxValueLength = 64;

    public string Description => $"instance metadata at {EC2InstanceMetadata.ServiceEndpoint}";

    public async Task<InstanceInfo> ReadAsync(CancellationToken cancellationToken)
    {
        if (!EC2InstanceMetadata.IsIMDSEnabled)
        {
            throw new InstanceMetadataException($"instance metadata is disabled ({EC2InstanceMetadata.AWS_EC2_METADATA_DISABLED}=true)");
        }

        string? document = await EC2InstanceMetadata.GetDataAsync(EC2InstanceMetadata.EC2DynamicDataRoot + "/instance-identity/document", 1)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(document))
        {
            throw new InstanceMetadataException($"{Description}: no instance identity document (no IMDSv2 token, or not an EC2 instance)");
        }

        return Parse(document, Description);
    }

    /// <summary>instanceId, instanceType, availabilityZone and region of an identity document; other fields are ignored.</summary>
    internal static InstanceInfo Parse(string document, string source)
    {
        if (document.Length > MaxDocumentChars)
        {
            throw new InstanceMetadataException($"{source}: identity document larger than {MaxDocumentChars} characters");
        }

        try
        {
            using var json = JsonDocument.Parse(document);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InstanceMetadataException($"{source}: identity document is not a JSON object");
            }

            var info = new InstanceInfo(
                Field(json.RootElement, "instanceId", source),
                Field(json.RootElement, "instanceType", source),
                Field(json.RootElement, "region", source),
                Field(json.RootElement, "availabilityZone", source));
            return info.InstanceId is null
                ? throw new InstanceMetadataException($"{source}: identity document has no instanceId")
                : info;
        }
        catch (JsonException ex)
        {
            throw new InstanceMetadataException($"{source}: identity document is not JSON ({SecretScrubber.Scrub(ex.Message)})", ex);
        }
    }

    private static string? Field(JsonElement root, string name, string source)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String || element.GetString() is not { Length: > 0 } value)
        {
            return null;
        }

        // Values become dimension values: printable ASCII of a sane length, or not at all.
        if (value.Length > MaxValueLength || value.Any(c => c is < '!' or > '~'))
        {
            throw new InstanceMetadataException($"{source}: identity document field {name} is not a plain short value");
        }

        return value;
    }
}
