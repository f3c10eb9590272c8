using Amazon.Runtime;
using NeuronMetrics.CloudWatch.Credentials;
using NeuronMetrics.CloudWatch.Query;
using NeuronMetrics.CloudWatch.Retry;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Model;

namespace NeuronMetrics.CloudWatch.Tests.Fakes;

/// <summary>The default client (all three layers) against a <see cref="ScriptedHttpServer"/>, with test-sized timings.</summary>
internal static class ClientHarness
{
    public const string AccessKey = "AKIDEXAMPLE";

    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public static CloudWatchSinkOptions Options(ScriptedHttpServer server, int maxAttempts = 10, TimeSpan? backoff = null) => new()
    {
        Region = "us-east-1",
        EndpointUrl = server.Url.ToString(),
        Credentials = new StaticCredentialSource(new BasicAWSCredentials(AccessKey, SecretKey)),
        Retry = new RetryOptions(maxAttempts, backoff ?? TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)),
        // Generous so a loaded machine never times out a request by accident; tests of timeouts set their own.
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ReadTimeout = TimeSpan.FromSeconds(20),
        Environment = _ => null,
        ProfileRegion = _ => null,
        Random = new Random(1),
        ThrottleGap = TimeSpan.FromMilliseconds(20),
        MaxThrottleGap = TimeSpan.FromSeconds(1),
    };

    public static IPutMetricDataClient DefaultClient(CloudWatchSinkOptions options, IDiagnosticLog? log = null) =>
        CloudWatchSinkFactory.CreateClient(options, log ?? new ListLog(LogLevel.Debug));

    public static MetricBatch Batch(int datums = 2)
    {
        var now = DateTimeOffset.UtcNow;
        var data = new List<MetricDatum>
        {
            new() { MetricName = "A", Dimensions = [new Dimension("InstanceId", "i-1")], Timestamp = now, Unit = MetricUnit.Percent, Value = 12.5 },
            new() { MetricName = "B", Dimensions = [], Timestamp = now, Unit = MetricUnit.Count, Values = [1, 2], Counts = [3, 4] },
        };
        for (int i = 2; i < datums; i++)
        {
            data.Add(new() { MetricName = $"C{i}", Dimensions = [], Timestamp = now, Unit = MetricUnit.Count, Value = i });
        }

        return new MetricBatch("Neuron", "i-1", data.Take(datums).ToList());
    }

    public static byte[] Encode(MetricBatch batch)
    {
        var buffer = new ReusableBuffer();
        QueryEncoder.Encode(batch, buffer);
        return buffer.Span.ToArray();
    }

    /// <summary>The access key id a request was signed with.</summary>
    public static string SignedBy(RecordedRequest request)
    {
        var authorization = request.Headers["Authorization"];
        int start = authorization.IndexOf("Credential=", StringComparison.Ordinal) + "Credential=".Length;
        return authorization[start..authorization.IndexOf('/', start)];
    }
}
