using Amazon;
using Amazon.RuntimeDependencies;
using Amazon.SecurityToken;
using Amazon.SSO;
using Amazon.SSOOIDC;

namespace NeuronMetrics.CloudWatch.Credentials;

/// <summary>
/// Registers the STS, SSO and SSO-OIDC clients with AWSSDK.Core. The credential chain finds them by
/// reflection otherwise, which a Native AOT binary cannot do: web identity (EKS IRSA), assume-role
/// profiles and SSO would then fail with "assembly not found".
/// </summary>
public static class CredentialServiceClients
{
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        var registry = GlobalRuntimeDependencyRegistry.Instance;
        registry.RegisterSecurityTokenServiceClient(context => new AmazonSecurityTokenServiceClient(RegionOf(context.SecurityTokenServiceClientContextData?.Region)));
        registry.RegisterSSOClient(context => new AmazonSSOClient(RegionOf(context.SSOClientContextData?.Region)));
        registry.RegisterSSOOIDCClient(context => new AmazonSSOOIDCClient(RegionOf(context.SSOOIDCClientContextData?.Region)));
    }

    /// <summary>The region the SDK asked for, or the SDK's own default (STS: global endpoint rules).</summary>
    private static RegionEndpoint RegionOf(RegionEndpoint? region) => region ?? RegionEndpoint.USEast1;
}
