using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace NeuronMetrics.CloudWatch.Credentials;

/// <summary>
/// The AWS SDK's default chain (environment, profile, SSO, web identity, ECS task role, IMDSv2) via
/// <see cref="DefaultAWSCredentialsIdentityResolver"/>, which caches and refreshes; or an explicit profile.
/// </summary>
public sealed class DefaultCredentialSource : ICredentialSource, IDisposable
{
    private readonly DefaultAWSCredentialsIdentityResolver _resolver = new();
    private readonly string? _profile;
    private AWSCredentials? _profileCredentials;

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
            return await _resolver.ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
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

        return _profileCredentials;
    }

    public void Dispose() => _resolver.Dispose();
}
