using NeuronMetrics.CloudWatch.Credentials;
using NeuronMetrics.CloudWatch.Retry;

namespace NeuronMetrics.CloudWatch;

/// <summary>Everything the CLI can configure about the CloudWatch sink. Defaults suit production and are the only source of them.</summary>
public sealed record CloudWatchSinkOptions
{
    /// <summary>Default --connect-timeout: time to set up a connection (the AWS SDKs use a few to 60 seconds).</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Default --read-timeout: time for the response once connected; botocore's read timeout. Long enough that a slow
    /// endpoint still answers the first copy instead of getting the whole request again.
    /// </summary>
    public static readonly TimeSpan DefaultReadTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Default --auth-failure-timeout: how long every request may fail on authentication before the run stops.</summary>
    public static readonly TimeSpan DefaultAuthFailureTimeout = TimeSpan.FromMinutes(5);

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

    /// <summary>Time to set up a connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;

    /// <summary>Time for the response once the request is sent; an attempt takes at most connect + read timeout.</summary>
    public TimeSpan ReadTimeout { get; init; } = DefaultReadTimeout;

    /// <summary>When every request has failed on authentication or permission for this long, the sink stops the run.</summary>
    public TimeSpan AuthFailureTimeout { get; init; } = DefaultAuthFailureTimeout;

    /// <summary>Credentials; null = <see cref="DefaultCredentialSource"/> for <see cref="Profile"/>.</summary>
    public ICredentialSource? Credentials { get; init; }

    /// <summary>Clock for timestamps validation, signing, backoff delays and the retry budget.</summary>
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
