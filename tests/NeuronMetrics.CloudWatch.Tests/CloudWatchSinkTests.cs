using System.IO.Compression;
using Amazon.Runtime;
using NeuronMetrics.CloudWatch.Credentials;
using NeuronMetrics.CloudWatch.Query;
using NeuronMetrics.CloudWatch.Retry;
using NeuronMetrics.CloudWatch.Tests.Fakes;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Model;

namespace NeuronMetrics.CloudWatch.Tests;

public sealed class CloudWatchSinkTests
{
    // Generous so a loaded CI machine never times out a request by accident; the slow reply below is far longer.
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task SendAsync_TransientFaultsThenSuccess_DeliversBatchExactlyOnce()
    {
        await using var server = new ScriptedHttpServer(
            CloudWatchReplies.Error(400, "Throttling"),
            CloudWatchReplies.Error(500, "InternalFailure"),
            CloudWatchReplies.Error(503, "ServiceUnavailable"),
            ScriptedReply.ResetConnection(),
            CloudWatchReplies.Ok().Slow(TimeSpan.FromSeconds(8)),
            CloudWatchReplies.Ok());
        var statistics = new PipelineStatistics();
        var log = new RecordingLog();
        var batch = Batch();
        await using (var sink = CreateSink(server, statistics, log))
        {
            await sink.SendAsync(batch, CancellationToken.None);
        }

        var expected = Encode(batch);
        var requests = server.Requests.ToArray();
        requests.Should().HaveCount(6);
        requests.Should().OnlyContain(r => r.Body.SequenceEqual(expected));
        requests.Count(r => r.AnsweredStatus == 200 && r.Headers.ContainsKey("Authorization")).Should().Be(2, "the slow 200 timed out on our side");
        requests.Last().AnsweredStatus.Should().Be(200);
        requests.Should().OnlyContain(r => r.Headers["Content-Type"] == "application/x-www-form-urlencoded; charset=utf-8");
        requests.Select(r => r.Headers["Authorization"]).Should().OnlyContain(a => a.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", StringComparison.Ordinal));
        statistics.DatumsSent.Should().Be(2);
        statistics.DatumsDropped.Should().Be(0);
        statistics.Requests.Should().Be(1);
        statistics.Retries.Should().Be(5);
        // One warning for the outage (further retries within a minute are counted, not repeated).
        log.Lines.Should().ContainSingle().Which.Message.Should().Contain("attempt 1 failed (throttled: Throttling").And.Contain("retrying in");
    }

    [Fact]
    public async Task SendAsync_InvalidParameterValue_NotRetriedAndCountedAsDropped()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Error(400, "InvalidParameterValue"));
        var statistics = new PipelineStatistics();
        var log = new RecordingLog();
        await using (var sink = CreateSink(server, statistics, log))
        {
            await sink.SendAsync(Batch(), CancellationToken.None);
        }

        server.Requests.Should().HaveCount(1);
        statistics.DatumsDropped.Should().Be(2);
        statistics.DatumsSent.Should().Be(0);
        statistics.Retries.Should().Be(0);
        var line = log.Lines.Should().ContainSingle().Subject;
        line.Level.Should().Be(LogLevel.Error);
        line.Message.Should().Contain("InvalidParameterValue").And.Contain("req-InvalidParameterValue").And.NotContain("wJalrX").And.NotContain("AKIDEXAMPLE");
    }

    [Fact]
    public async Task SendAsync_AttemptsExhausted_DropsBatchAndKeepsGoing()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Error(503, "ServiceUnavailable"));
        var statistics = new PipelineStatistics();
        var log = new RecordingLog();
        await using (var sink = CreateSink(server, statistics, log, maxAttempts: 3))
        {
            await sink.SendAsync(Batch(), CancellationToken.None);
            await sink.SendAsync(Batch(), CancellationToken.None);
        }

        server.Requests.Should().HaveCount(6);
        statistics.DatumsDropped.Should().Be(4);
        statistics.Requests.Should().Be(2);
        log.Lines.Should().HaveCount(3).And.OnlyContain(l => l.Message.Contains("ServiceUnavailable", StringComparison.Ordinal));
        log.Lines.Count(l => l.Level == LogLevel.Error).Should().Be(2);
    }

    [Fact]
    public async Task SendAsync_ClockSkewed_CorrectsOffsetAndRetries()
    {
        var serverTime = DateTimeOffset.UtcNow + TimeSpan.FromHours(1);
        await using var server = new ScriptedHttpServer(
            CloudWatchReplies.Error(400, "RequestTimeTooSkewed") with { Date = serverTime },
            CloudWatchReplies.Ok());
        var statistics = new PipelineStatistics();
        await using (var sink = CreateSink(server, statistics, new RecordingLog()))
        {
            await sink.SendAsync(Batch(), CancellationToken.None);
        }

        var requests = server.Requests.ToArray();
        requests.Should().HaveCount(2);
        var secondDate = DateTimeOffset.ParseExact(requests[1].Headers["X-Amz-Date"], "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        (secondDate - serverTime).Duration().Should().BeLessThan(TimeSpan.FromMinutes(1));
        statistics.DatumsSent.Should().Be(2);
    }

    [Fact]
    public async Task SendAsync_InvalidDatum_DroppedAndRestSent()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok());
        var statistics = new PipelineStatistics();
        var log = new RecordingLog();
        var batch = Batch();
        var withBad = batch with { Data = [.. batch.Data, batch.Data[0] with { MetricName = "Bad", Value = double.NaN }] };
        await using (var sink = CreateSink(server, statistics, log))
        {
            await sink.SendAsync(withBad, CancellationToken.None);
        }

        server.Requests.Should().ContainSingle().Which.Body.Should().Equal(Encode(batch));
        statistics.DatumsSent.Should().Be(2);
        statistics.DatumsDropped.Should().Be(1);
        log.Lines.Should().ContainSingle().Which.Message.Should().Contain("Bad").And.Contain("range");
    }

    [Fact]
    public async Task SendAsync_LargeBody_SentGzipped()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok());
        var batch = GoldenBatch.Load("many_datums");
        var now = batch.Data[0].Timestamp;
        batch = batch with { Data = batch.Data.Select(d => d with { Timestamp = now }).Where(d => NeuronMetrics.CloudWatch.Validation.DatumValidator.Validate(d, now) is null).ToList() };
        await using (var sink = CreateSink(server, new PipelineStatistics(), new RecordingLog(), clock: new FixedClock(now)))
        {
            await sink.SendAsync(batch, CancellationToken.None);
        }

        var request = server.Requests.Should().ContainSingle().Subject;
        request.Headers["Content-Encoding"].Should().Be("gzip");
        request.Headers["Authorization"].Should().Contain("content-encoding;");
        using var gunzip = new GZipStream(new MemoryStream(request.Body), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gunzip.CopyToAsync(plain);
        plain.ToArray().Should().Equal(Encode(batch));
    }

    [Fact]
    public async Task SendAsync_Cancelled_ThrowsOperationCanceled()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Error(503, "ServiceUnavailable"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await using var sink = CreateSink(server, new PipelineStatistics(), new RecordingLog(), maxAttempts: int.MaxValue, backoff: TimeSpan.FromMilliseconds(50));

        var act = () => sink.SendAsync(Batch(), cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task SendAsync_AfterThrottling_NextRequestsPaced()
    {
        await using var server = new ScriptedHttpServer(
            CloudWatchReplies.Error(400, "Throttling"),
            CloudWatchReplies.Ok(),
            CloudWatchReplies.Ok());
        var statistics = new PipelineStatistics();
        await using (var sink = CreateSink(server, statistics, new RecordingLog(), throttleGap: TimeSpan.FromMilliseconds(400)))
        {
            await sink.SendAsync(Batch(), CancellationToken.None);
            var started = System.Diagnostics.Stopwatch.StartNew();
            await sink.SendAsync(Batch(), CancellationToken.None);
            started.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(150), "the gap after one throttle (400 ms) halves to 200 ms on the next success");
        }

        statistics.DatumsSent.Should().Be(4);
    }

    private static CloudWatchSink CreateSink(
        ScriptedHttpServer server, PipelineStatistics statistics, IDiagnosticLog log, int maxAttempts = 10, TimeSpan? backoff = null, TimeProvider? clock = null, TimeSpan? throttleGap = null) =>
        CloudWatchSink.Create(
            new CloudWatchSinkOptions
            {
                Region = "us-east-1",
                EndpointUrl = server.Url.ToString(),
                Credentials = new StaticCredentialSource(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")),
                Retry = new RetryOptions(maxAttempts, backoff ?? TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)),
                AttemptTimeout = AttemptTimeout,
                Environment = _ => null,
                ProfileRegion = _ => null,
                Clock = clock ?? TimeProvider.System,
                Random = new Random(1),
                ThrottleGap = throttleGap ?? TimeSpan.FromMilliseconds(20),
                MaxThrottleGap = TimeSpan.FromSeconds(1),
            },
            log,
            statistics);

    private static MetricBatch Batch()
    {
        var now = DateTimeOffset.UtcNow;
        return new MetricBatch("Neuron", "i-1",
        [
            new MetricDatum { MetricName = "A", Dimensions = [new Dimension("InstanceId", "i-1")], Timestamp = now, Unit = MetricUnit.Percent, Value = 12.5 },
            new MetricDatum { MetricName = "B", Dimensions = [], Timestamp = now, Unit = MetricUnit.Count, Values = [1, 2], Counts = [3, 4] },
        ]);
    }

    private static byte[] Encode(MetricBatch batch)
    {
        var buffer = new ReusableBuffer();
        QueryEncoder.Encode(batch, buffer);
        return buffer.Span.ToArray();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
