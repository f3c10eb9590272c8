using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace NeuronMetrics.CloudWatch.Credentials;

/// <summary>
/// The AWS SDK's default chain (environment, profile, SSO, web identity, ECS task role, IMDSv2) via
/// <see cref="DefaultAWSCredentialsIdentityResolver"/>, which caches the provider it found (and looks again when the
/// environment or the shared files change); temporary credentials refresh themselves before they expire. Or an
/// explicit profile.
/// </summary>
public sealed class DefaultCredentialSource : ICredentialSource, IDisposable
{
    private readonly DefaultAWSCredentialsIdentityResolver _resolver = new();
    private readonly string? _profile;
    private AWSCredentials? _profileCredentials;
    private AWSCredentials? _last;

    /// <param name="profile">An explicit --profile; null uses the default chain (which honours AWS_PROFILE).</param>
    public DefaultCredentialSource(string? profile = null)
    {
        CredentialServiceClients.EnsureRegistered();
        _profile = string.IsNullOrWhiteSpace(profile) ? null : profile;
    }

    public async ValueTask<AWSCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (_profile is null)
        {
            return _last = await _resolver.ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // Profile credentials (assume-role, SSO) are refreshing objects: build once, reuse.
        if (_profileCredentials is null)
        {
            if (!new CredentialProfileStoreChain().TryGetAWSCredentials(_profile, out var credentials))
            {
                throw new CloudWatchConfigurationException($"AWS profile '{_profile}' was not found or has no usable credentials");
            }

            _profileCredentials = credentials;
        }

        return _last = _profileCredentials;
    }

    /// <summary>Drops the cached set of refreshing credentials (role, container, web identity, SSO), so the next request fetches a new one.</summary>
    public void Invalidate() => (_last as RefreshingAWSCredentials)?.ClearCredentials();

    public void Dispose() => _resolver.Dispose();
}
