using NeuronMetrics.CloudWatch.Endpoints;

namespace NeuronMetrics.CloudWatch.Tests.Endpoints;

public sealed class CloudWatchEndpointResolverTests
{
    [Fact]
    public void Resolve_ExplicitRegion_WinsOverEverything()
    {
        var resolver = Resolver(region: "eu-west-1", env: [("AWS_REGION", "us-east-2"), ("AWS_DEFAULT_REGION", "us-west-1")], profileRegion: "ap-south-1");

        var endpoint = resolver.Resolve("us-west-2");

        endpoint.Uri.Should().Be(new Uri("https://monitoring.eu-west-1.amazonaws.com/"));
        endpoint.SigningRegion.SystemName.Should().Be("eu-west-1");
        endpoint.RegionSource.Should().Be("--region");
    }

    [Fact]
    public void ResolveRegion_Precedence_EnvThenDefaultEnvThenProfileThenFallback()
    {
        Resolver(env: [("AWS_REGION", "us-east-2"), ("AWS_DEFAULT_REGION", "us-west-1")]).ResolveRegion("x")!.Value.Region.Should().Be("us-east-2");
        Resolver(env: [("AWS_DEFAULT_REGION", "us-west-1")], profileRegion: "ap-south-1").ResolveRegion("x")!.Value.Region.Should().Be("us-west-1");
        Resolver(profileRegion: "ap-south-1").ResolveRegion("us-west-2")!.Value.Should().Be(("ap-south-1", "profile 'default'"));
        Resolver().ResolveRegion("us-west-2")!.Value.Should().Be(("us-west-2", "instance region"));
        Resolver().ResolveRegion(null).Should().BeNull();
    }

    [Fact]
    public void ResolveRegion_ProfileFromEnvironment_PassedToLookup()
    {
        string? asked = "unset";
        var resolver = new CloudWatchEndpointResolver(null, null, null, Env(("AWS_PROFILE", "prod")), p => { asked = p; return "eu-north-1"; });

        resolver.ResolveRegion(null)!.Value.Source.Should().Be("profile 'prod'");
        asked.Should().Be("prod");
    }

    [Theory]
    [InlineData("cn-north-1", "https://monitoring.cn-north-1.amazonaws.com.cn/")]
    [InlineData("us-gov-west-1", "https://monitoring.us-gov-west-1.amazonaws.com/")]
    [InlineData("us-iso-east-1", "https://monitoring.us-iso-east-1.c2s.ic.gov/")]
    [InlineData("eu-central-1", "https://monitoring.eu-central-1.amazonaws.com/")]
    public void Resolve_Region_UsesPartitionDnsSuffix(string region, string expected)
    {
        Resolver(region: region).Resolve(null).Uri.Should().Be(new Uri(expected));
    }

    [Fact]
    public void Resolve_EndpointPrecedence_FlagThenServiceEnvThenGlobalEnv()
    {
        Resolver(region: "us-east-1", endpoint: "http://127.0.0.1:5000", env: [("AWS_ENDPOINT_URL_CLOUDWATCH", "https://a.example"), ("AWS_ENDPOINT_URL", "https://b.example")])
            .Resolve(null).Uri.Should().Be(new Uri("http://127.0.0.1:5000/"));
        Resolver(region: "us-east-1", env: [("AWS_ENDPOINT_URL_CLOUDWATCH", "https://a.example"), ("AWS_ENDPOINT_URL", "https://b.example")])
            .Resolve(null).Uri.Should().Be(new Uri("https://a.example/"));
        Resolver(region: "us-east-1", env: [("AWS_ENDPOINT_URL", "https://b.example:8443")])
            .Resolve(null).Uri.Should().Be(new Uri("https://b.example:8443/"));
    }

    [Theory]
    [InlineData("ftp://example.com")]
    [InlineData("monitoring.us-east-1.amazonaws.com")]
    [InlineData("https://user:pw@example.com")]
    [InlineData("https://example.com/?a=b")]
    public void ExplicitEndpoint_Malformed_Throws(string url)
    {
        var act = () => Resolver(endpoint: url).ExplicitEndpoint();

        act.Should().Throw<CloudWatchConfigurationException>().WithMessage("*--endpoint-url*");
    }

    [Theory]
    [InlineData("us-east-1.evil.com/x")]
    [InlineData("US-EAST-1")]
    [InlineData("useast1")]
    public void Resolve_MalformedRegion_Throws(string region)
    {
        var act = () => Resolver(region: region).Resolve(null);

        act.Should().Throw<CloudWatchConfigurationException>().WithMessage("*not a valid region*");
    }

    [Fact]
    public void Resolve_NoRegion_ThrowsClearMessage()
    {
        var act = () => Resolver().Resolve(null);

        act.Should().Throw<CloudWatchConfigurationException>().WithMessage("no AWS region*");
    }

    private static CloudWatchEndpointResolver Resolver(
        string? region = null, string? endpoint = null, (string, string)[]? env = null, string? profileRegion = null) =>
        new(region, endpoint, null, Env(env ?? []), _ => profileRegion);

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
