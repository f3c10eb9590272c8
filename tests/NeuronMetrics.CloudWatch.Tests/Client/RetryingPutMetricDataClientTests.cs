using System.IO.Compression;
using NeuronMetrics.CloudWatch.Tests.Fakes;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using static NeuronMetrics.CloudWatch.Tests.Fakes.ClientHarness;

namespace NeuronMetrics.CloudWatch.Tests.Client;

/// <summary>The default client, all three layers, against a scripted loopback CloudWatch.</summary>
public sealed class RetryingPutMetricDataClientTests
{
    [Fact]
    public async Task PutMetricDataAsync_TransientFaultsThenSuccess_DeliversBatchExactlyOnce()
    {
        await using var server = new ScriptedHttpServer(
            CloudWatchReplies.Error(400, "Throttling"),
            CloudWatchReplies.Error(500, "InternalFailure"),
            CloudWatchReplies.Error(503, "ServiceUnavailable"),
            ScriptedReply.ResetConnection(),
            CloudWatchReplies.Ok().Slow(TimeSpan.FromSeconds(8)),
            CloudWatchReplies.Ok());
        var log = new ListLog(LogLevel.Debug);
        var batch = Batch();
        int retries = 0;
        PutMetricDataResult result;
        using (var client = DefaultClient(Options(server) with { ConnectTimeout = TimeSpan.FromSeconds(1), ReadTimeout = TimeSpan.FromSeconds(2) }, log))
        {
            result = await client.PutMetricDataAsync(new OutgoingBatch(batch, () => retries++), CancellationToken.None);
        }

        var expected = Encode(batch);
        var requests = server.Requests.ToArray();
        requests.Should().HaveCount(6);
        requests.Should().OnlyContain(r => r.Body.SequenceEqual(expected));
        requests.Count(r => r.AnsweredStatus == 200).Should().Be(2, "the slow 200 timed out on our side");
        requests.Should().OnlyContain(r => r.Headers["Content-Type"] == "application/x-www-form-urlencoded; charset=utf-8");
        requests.Select(SignedBy).Should().OnlyContain(key => key == AccessKey);
        result.Should().BeEquivalentTo(new { Status = PutMetricDataStatus.Delivered, DatumsSent = 2, DatumsInDoubt = 0, Attempts = 6 });
        retries.Should().Be(5);
        // One warning for the outage (further retries within a minute are counted, not repeated).
        log.Lines.Where(l => l.Level > LogLevel.Debug).Should().ContainSingle().Which.Message.Should().Contain("attempt 1 failed (throttled: Throttling").And.Contain("retrying in");
    }

    [Fact]
    public async Task PutMetricDataAsync_InvalidParameterValue_NotRetried()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Error(400, "InvalidParameterValue"));
        using var client = DefaultClient(Options(server));

        var result = await client.PutMetricDataAsync(new OutgoingBatch(Batch()), CancellationToken.None);

        server.Requests.Should().HaveCount(1);
        result.Status.Should().Be(PutMetricDataStatus.Rejected);
        result.Error!.Code.Should().Be("InvalidParameterValue");
        result.Error.RequestId.Should().Be("req-InvalidParameterValue");
    }

    [Theory]
    [InlineData("InvalidClientTokenId")]
    [InlineData("UnrecognizedClientException")]
    [InlineData("SignatureDoesNotMatch")]
    [InlineData("AccessDenied")]
    [InlineData("AccessDeniedException")]
    [InlineData("MissingAuthenticationToken")]
    public async Task PutMetricDataAsync_AuthenticationOrPermissionError_NotRetried(string code)
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Error(403, code));
        using var client = DefaultClient(Options(server));

        var result = await client.PutMetricDataAsync(new OutgoingBatch(Batch()), CancellationToken.None);

        server.Requests.Should().ContainSingle();
        result.Status.Should().Be(PutMetricDataStatus.AuthenticationFailed);
        result.Error!.Code.Should().Be(code);
    }

    [Fact]
    public async Task PutMetricDataAsync_AttemptsExhausted_SaysSoAndKeepsGoing()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Error(503, "ServiceUnavailable"));
        using var client = DefaultClient(Options(server, maxAttempts: 3));

        var first = await client.PutMetricDataAsync(new OutgoingBatch(Batch()), CancellationToken.None);
        var second = await client.PutMetricDataAsync(new OutgoingBatch(Batch()), CancellationToken.None);

        server.Requests.Should().HaveCount(6);
        first.Status.Should().Be(PutMetricDataStatus.RetriesExhausted);
        second.Attempts.Should().Be(3);
        second.DatumsInDoubt.Should().Be(0, "every attempt was answered");
    }

    [Fact]
    public async Task PutMetricDataAsync_ClockSkewed_CorrectsOffsetAndRetries()
    {
        var serverTime = DateTimeOffset.UtcNow + TimeSpan.FromHours(1);
        await using var server = new ScriptedHttpServer(
            CloudWatchReplies.Error(400, "RequestTimeTooSkewed") with { Date = serverTime },
            CloudWatchReplies.Ok());
        using var client = DefaultClient(Options(server));

        var result = await client.PutMetricDataAsync(new OutgoingBatch(Batch()), CancellationToken.None);

        var requests = server.Requests.ToArray();
        requests.Should().HaveCount(2);
        var secondDate = DateTimeOffset.ParseExact(requests[1].Headers["X-Amz-Date"], "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        (secondDate - serverTime).Duration().Should().BeLessThan(TimeSpan.FromMinutes(1));
        result.DatumsSent.Should().Be(2);
    }

    [Fact]
    public async Task PutMetricDataAsync_InvalidDatum_LeftOutAndRestSent()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok());
        var batch = Batch();
        var withBad = batch with { Data = [.. batch.Data, batch.Data[0] with { MetricName = "Bad", Value = double.NaN }] };
        using var client = DefaultClient(Options(server));

        var result = await client.PutMetricDataAsync(new OutgoingBatch(withBad), CancellationToken.None);

        server.Requests.Should().ContainSingle().Which.Body.Should().Equal(Encode(batch));
        result.DatumsSent.Should().Be(2);
        result.Invalid.Should().ContainSingle().Which.Should().Contain("Bad").And.Contain("range");
    }

    [Fact]
    public async Task PutMetricDataAsync_LargeBody_SentGzippedAndTracedAtDebug()
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Ok());
        var batch = GoldenBatch.Load("many_datums");
        var now = batch.Data[0].Timestamp;
        batch = batch with { Data = batch.Data.Select(d => d with { Timestamp = now }).Where(d => NeuronMetrics.CloudWatch.Validation.DatumValidator.Validate(d, now) is null).ToList() };
        var log = new ListLog(LogLevel.Debug);
        using (var client = DefaultClient(Options(server) with { Clock = new ManualClock(now) }, log))
        {
            await client.PutMetricDataAsync(new OutgoingBatch(batch), CancellationToken.None);
        }

        var request = server.Requests.Should().ContainSingle().Subject;
        request.Headers["Content-Encoding"].Should().Be("gzip");
        request.Headers["Authorization"].Should().Contain("content-encoding;");
        using var gunzip = new GZipStream(new MemoryStream(request.Body), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gunzip.CopyToAsync(plain);
        plain.ToArray().Should().Equal(Encode(batch));
        log.Lines.Should().ContainSingle(l => l.Level == LogLevel.Debug).Which.Message.Should().MatchRegex(
            $@"^PutMetricData attempt 1: {batch.Data.Count} datums, body {plain.Length} bytes, gzip {request.Body.Length} bytes, HTTP 200, \d+ ms, request id hdr-200$");
    }

    [Fact]
    public async Task PutMetricDataAsync_ExpiredToken_ResolvesCredentialsAgainAndRetries()
    {
        await using var server = new ScriptedHttpServer(request =>
            SignedBy(request) == "AKIDOLD" ? CloudWatchReplies.Error(400, "ExpiredToken") : CloudWatchReplies.Ok());
        var credentials = new RotatingCredentials();
        using var client = DefaultClient(Options(server) with { Credentials = credentials });

        var result = await client.PutMetricDataAsync(new OutgoingBatch(Batch()), CancellationToken.None);

        result.Status.Should().Be(PutMetricDataStatus.Delivered);
        server.Requests.Select(SignedBy).Should().Equal("AKIDOLD", "AKIDNEW");
        credentials.Invalidated.Should().Be(1);
    }

    [Theory]
    [InlineData(0, PutMetricDataStatus.AuthenticationFailingTooLong)]
    [InlineData(3600, PutMetricDataStatus.AuthenticationFailed)]
    public async Task PutMetricDataAsync_AuthenticationFailingSinceTimeout_SaysSo(int timeoutSeconds, PutMetricDataStatus expected)
    {
        await using var server = new ScriptedHttpServer(CloudWatchReplies.Error(403, "InvalidClientTokenId"));
        using var client = DefaultClient(Options(server) with { AuthFailureTimeout = TimeSpan.FromSeconds(timeoutSeconds) });

        var result = await client.PutMetricDataAsync(new OutgoingBatch(Batch()), CancellationToken.None);

        result.Status.Should().Be(expected);
    }

    /// <summary>Hands out an old key until told it expired, then a new one.</summary>
    private sealed class RotatingCredentials : NeuronMetrics.CloudWatch.Credentials.ICredentialSource
    {
        public int Invalidated { get; private set; }

        public ValueTask<Amazon.Runtime.AWSCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult<Amazon.Runtime.AWSCredentials>(new Amazon.Runtime.BasicAWSCredentials(Invalidated == 0 ? "AKIDOLD" : "AKIDNEW", SecretKey));

        public void Invalidate() => Invalidated++;
    }
}
