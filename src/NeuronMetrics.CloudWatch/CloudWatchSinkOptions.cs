using NeuronMetrics.CloudWatch.Credentials;
using NeuronMetrics.CloudWatch.Retry;

namespace NeuronMetrics.CloudWatch;

/// <summary>Everything the CLI can configure about the CloudWatch sink. Defaults suit production.</summary>
public sealed record CloudWatchSinkOptions
{
    /// <summary>--region; null follows AWS_REGION, AWS_DEFAULT_REGION, the profile, then <see cref="FallbackRegion"/>.</summary>
    public string? Region { get; init; }

    /// <summary>--endpoint-url; null follows AWS_ENDPOINT_URL_CLOUDWATCH, AWS_ENDPOINT_URL, then the regional endpoint.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>--profile; null uses the default credential chain (which honours AWS_PROFILE).</summary>
    public string? Profile { get; init; }

    /// <summary>Region to use when nothing else is configured, asked when the first batch is sent (e.g. the report's instance_region).</summary>
    public Func<string?>? FallbackRegion { get; init; }

    /// <summary>Retry limits and backoff.</summary>
    public RetryOptions Retry { get; init; } = RetryOptions.Default;

    /// <summary>Gap between requests after the first throttling response; doubles per further throttle.</summary>
    public TimeSpan ThrottleGap { get; init; } = ThrottlePacer.DefaultInitialGap;

    /// <summary>Largest gap between requests while throttled.</summary>
    public TimeSpan MaxThrottleGap { get; init; } = ThrottlePacer.DefaultMaxGap;

    /// <summary>Per-attempt HTTP timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Credentials; null = <see cref="DefaultCredentialSource"/> for <see cref="Profile"/>.</summary>
    public ICredentialSource? Credentials { get; init; }

    /// <summary>Clock for timestamps validation, signing and backoff delays.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Jitter source for backoff; null = <see cref="System.Random.Shared"/>.</summary>
    public Random? Random { get; init; }

    /// <summary>Environment variable lookup; injectable for tests.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Test hook: replaces the SocketsHttpHandler.</summary>
    internal HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>Test hook: profile region lookup instead of the shared config files.</summary>
    internal Func<string?, string?>? ProfileRegion { get; init; }
}
