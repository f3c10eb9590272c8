using NeuronMetrics.Batching;
using NeuronMetrics.CloudWatch.Client;
using NeuronMetrics.CloudWatch.Credentials;
using NeuronMetrics.CloudWatch.Endpoints;
using NeuronMetrics.CloudWatch.Query;
using NeuronMetrics.CloudWatch.Retry;
using NeuronMetrics.CloudWatch.Transport;
using NeuronMetrics.CloudWatch.Validation;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.CloudWatch;

/// <summary>
/// What the CLI needs from this library: the CloudWatch sink over the default client (request builder, one-attempt
/// sender and retry layer on AWSSDK.Core), the datum sizer the batcher packs requests with, and the checks of names
/// and dimensions the CLI makes at startup. Swapping the client (e.g. for AWSSDK.CloudWatch) touches
/// <see cref="CreateClient"/> only.
/// </summary>
public static class CloudWatchSinkFactory
{
    /// <summary>Encoded sizes of datums in a PutMetricData request (what a dry run and the cost estimate batch by).</summary>
    public static IDatumSizer DatumSizer => QueryDatumSizer.Instance;

    /// <summary>Why <paramref name="metricNamespace"/> cannot be used, or null when it can.</summary>
    public static string? ValidateNamespace(string? metricNamespace) => DatumValidator.ValidateNamespace(metricNamespace);

    /// <summary>Why a static dimension would be rejected, or null.</summary>
    public static string? ValidateDimension(string name, string value) => DatumValidator.ValidateDimension(name, value);

    /// <summary>
    /// The sink over the default client. Throws <see cref="CloudWatchConfigurationException"/> for a malformed
    /// endpoint URL or invalid AWS_DISABLE_REQUEST_COMPRESSION / AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES. Does not contact AWS.
    /// </summary>
    public static CloudWatchSink Create(CloudWatchSinkOptions options, IDiagnosticLog log)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CloudWatchSink(CreateClient(options, log), log, options.Clock);
    }

    /// <summary>The default client: three layers over AWSSDK.Core. Same checks as <see cref="Create"/>.</summary>
    public static IPutMetricDataClient CreateClient(CloudWatchSinkOptions options, IDiagnosticLog log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Retry.MaxAttempts, 1);
        var compression = CompressionSettings.FromEnvironment(options.Environment, out var compressionError);
        if (compressionError is not null)
        {
            throw new CloudWatchConfigurationException(compressionError);
        }

        var credentials = options.Credentials ?? new DefaultCredentialSource(options.Profile);
        var sender = CreateSender(options, credentials);
        return new RetryingPutMetricDataClient(
            new PutMetricDataRequestBuilder(new RequestCompressor(compression)),
            sender,
            credentials,
            new RetryPolicy(options.Retry, options.Random ?? Random.Shared),
            new ThrottlePacer(options.ThrottleGap, options.MaxThrottleGap),
            new AuthFailureWatch(options.Clock, options.AuthFailureTimeout),
            options.Clock,
            log);
    }

    /// <summary>
    /// A client for one-off Query actions (PutDashboard, PutMetricAlarm) over the same sender as <see cref="CreateClient"/>:
    /// same endpoint, region, credential and signing rules, same retry policy within <see cref="CloudWatchSinkOptions.Retry"/>.
    /// </summary>
    public static CloudWatchActionClient CreateActionClient(CloudWatchSinkOptions options, IDiagnosticLog log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Retry.MaxAttempts, 1);
        var credentials = options.Credentials ?? new DefaultCredentialSource(options.Profile);
        return new CloudWatchActionClient(CreateSender(options, credentials), credentials, new RetryPolicy(options.Retry, options.Random ?? Random.Shared), options.Clock, log);
    }

    /// <summary>The one-attempt sender both clients share; a malformed endpoint URL throws <see cref="CloudWatchConfigurationException"/>.</summary>
    private static PutMetricDataSender CreateSender(CloudWatchSinkOptions options, ICredentialSource credentials)
    {
        var endpoints = new CloudWatchEndpointResolver(options.Region, options.EndpointUrl, options.Profile, options.Environment, options.ProfileRegion);
        endpoints.ExplicitEndpoint();
        return new PutMetricDataSender(
            endpoints,
            options.FallbackRegion ?? (() => null),
            credentials,
            new HttpTransport(options.ConnectTimeout, options.ReadTimeout, options.HttpHandler),
            options.Clock);
    }
}
