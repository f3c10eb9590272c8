using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime.CredentialManagement;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.CloudWatch.Endpoints;

/// <summary>
/// Resolves the region and CloudWatch endpoint with the AWS CLI's precedence. Pure apart from the
/// injected environment and profile lookup; resolution can happen late, once the caller knows a fallback region.
/// </summary>
public sealed partial class CloudWatchEndpointResolver
{
    private readonly string? _explicitRegion;
    private readonly string? _explicitEndpoint;
    private readonly Func<string, string?> _environment;
    private readonly Func<string?, string?> _profileRegion;
    private readonly string? _profile;

    /// <param name="explicitRegion">--region, if given.</param>
    /// <param name="explicitEndpoint">--endpoint-url, if given.</param>
    /// <param name="profile">--profile, if given (else AWS_PROFILE, else "default").</param>
    /// <param name="environment">Environment variable lookup.</param>
    /// <param name="profileRegion">Region of a named profile (null = read the shared config/credentials files).</param>
    public CloudWatchEndpointResolver(
        string? explicitRegion,
        string? explicitEndpoint,
        string? profile,
        Func<string, string?> environment,
        Func<string?, string?>? profileRegion = null)
    {
        _explicitRegion = Blank(explicitRegion);
        _explicitEndpoint = Blank(explicitEndpoint);
        _environment = environment;
        _profile = Blank(profile) ?? Blank(environment("AWS_PROFILE"));
        _profileRegion = profileRegion ?? ReadProfileRegion;
    }

    /// <summary>The region and where it came from, or null when none is configured and <paramref name="fallbackRegion"/> is null.</summary>
    /// <exception cref="CloudWatchConfigurationException">The profile's region is needed and its shared file is malformed.</exception>
    public (string Region, string Source)? ResolveRegion(string? fallbackRegion)
    {
        if (_explicitRegion is not null)
        {
            return (_explicitRegion, "--region");
        }

        foreach (var variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            if (Blank(_environment(variable)) is { } fromEnvironment)
            {
                return (fromEnvironment, variable);
            }
        }

        if (Blank(_profileRegion(_profile)) is { } fromProfile)
        {
            return (fromProfile, $"profile '{_profile ?? "default"}'");
        }

        return Blank(fallbackRegion) is { } fallback ? (fallback, "instance region") : null;
    }

    /// <summary>Resolves the endpoint, or returns a clear error (no region, malformed URL).</summary>
    public ResolvedEndpoint Resolve(string? fallbackRegion)
    {
        var region = ResolveRegion(fallbackRegion)
            ?? throw new CloudWatchConfigurationException(
                "no AWS region: pass --region or set AWS_REGION (the instance region is not known yet)");
        if (!IsValidRegionName(region.Region))
        {
            throw new CloudWatchConfigurationException($"'{region.Region}' (from {region.Source}) is not a valid region name");
        }

        var regionEndpoint = RegionEndpoint.GetBySystemName(region.Region);
        var uri = ExplicitEndpoint() ?? new Uri($"https://monitoring.{region.Region}.{regionEndpoint.PartitionDnsSuffix}/");
        return new ResolvedEndpoint(uri, regionEndpoint, region.Source);
    }

    /// <summary>Checks the configured endpoint URL (if any) without needing a region, so bad flags fail at startup.</summary>
    public Uri? ExplicitEndpoint()
    {
        foreach (var (value, source) in new[]
        {
            (_explicitEndpoint, "--endpoint-url"),
            (Blank(_environment("AWS_ENDPOINT_URL_CLOUDWATCH")), "AWS_ENDPOINT_URL_CLOUDWATCH"),
            (Blank(_environment("AWS_ENDPOINT_URL")), "AWS_ENDPOINT_URL"),
        })
        {
            if (value is null)
            {
                continue;
            }

            // Plain http is allowed because the user asked for this exact URL (local emulators).
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
            {
                throw new CloudWatchConfigurationException($"{source} '{value}' is not an http(s) URL without query or user info");
            }

            return uri;
        }

        return null;
    }

    /// <summary>Whether <paramref name="region"/> has the shape of a region name (ap-northeast-1, us-gov-west-1), so a typo fails at startup.</summary>
    public static bool IsValidRegionName(string region) => RegionName().IsMatch(region);

    /// <exception cref="CloudWatchConfigurationException">A shared file that exists but cannot be parsed (its text scrubbed: it quotes the line).</exception>
    private static string? ReadProfileRegion(string? profile)
    {
        try
        {
            return new CredentialProfileStoreChain().TryGetProfile(profile ?? "default", out var found) ? found.Region?.SystemName : null;
        }
        catch (InvalidDataException ex)
        {
            throw new CloudWatchConfigurationException(
                $"the region of profile '{profile ?? "default"}' cannot be read: {SecretScrubber.Scrub(ex.Message)}; fix the AWS config/credentials file or pass --region", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)+$")]
    private static partial Regex RegionName();
}
