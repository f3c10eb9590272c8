using NeuronMetrics.CloudWatch.Tests.Fakes;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Sinks;
using static NeuronMetrics.CloudWatch.Tests.Fakes.ClientHarness;

namespace NeuronMetrics.CloudWatch.Tests;

/// <summary>The sink over a second implementation of the client seam: what it reports and logs for each outcome.</summary>
public sealed class CloudWatchSinkTests
{
    private readonly ListLog _log = new(LogLevel.Debug);

    [Fact]
    public async Task SendAsync_OtherClientImplementation_DeliversThroughTheSeamAndSaysFirstBatchOnce()
    {
        var client = new RecordingPutMetricDataClient();
        await using (var sink = new CloudWatchSink(client, _log, TimeProvider.System))
        {
            sink.Sizer.Should().BeSameAs(client.Sizer);
            (await sink.SendAsync(new OutgoingBatch(Batch()), CancellationToken.None)).Should().Be(SinkResult.Delivered(2));
            (await sink.SendAsync(new OutgoingBatch(Batch(3)), CancellationToken.None)).Should().Be(SinkResult.Delivered(3));
        }

        client.Received.Select(b => b.Data.Count).Should().Equal(2, 3);
        client.Disposed.Should().BeTrue();
        _log.Lines.Should().ContainSingle().Which.Should().Be((LogLevel.Info, "first batch delivered: 2 datums"));
    }

    [Fact]
    public async Task SendAsync_Abandoned_ReportsTheClientsInDoubtDatums()
    {
        var client = new RecordingPutMetricDataClient(PutMetricDataStatus.Abandoned) { InDoubtWhenAbandoned = 2 };
        await using var sink = new CloudWatchSink(client, _log, TimeProvider.System);

        var result = await sink.SendAsync(new OutgoingBatch(Batch(3)), CancellationToken.None);

        result.Should().Be(new SinkResult(0, 1, 2, 1));
    }

    [Fact]
    public async Task SendAsync_Rejected_DroppedWithCodeAndRequestId()
    {
        await using var sink = new CloudWatchSink(new RecordingPutMetricDataClient(PutMetricDataStatus.Rejected), _log, TimeProvider.System);

        var result = await sink.SendAsync(new OutgoingBatch(Batch()), CancellationToken.None);

        result.Should().Be(new SinkResult(0, 2, 0, 1));
        var line = _log.Lines.Should().ContainSingle().Subject;
        line.Level.Should().Be(LogLevel.Error);
        line.Message.Should().Contain("InvalidParameterValue").And.Contain("req-1").And.Contain("2 datum(s) dropped");
    }

    [Fact]
    public async Task SendAsync_AuthenticationFailedRepeatedly_OneLineWithAdviceThenCounted()
    {
        await using var sink = new CloudWatchSink(new RecordingPutMetricDataClient(PutMetricDataStatus.AuthenticationFailed), _log, TimeProvider.System);

        for (int i = 0; i < 5; i++)
        {
            (await sink.SendAsync(new OutgoingBatch(Batch()), CancellationToken.None)).Fault.Should().Be(SinkFault.None);
        }

        var line = _log.Lines.Should().ContainSingle().Subject;
        line.Level.Should().Be(LogLevel.Error);
        line.Message.Should().Contain("AccessDenied").And.Contain("cloudwatch:PutMetricData").And.Contain("IAM policy");
    }

    [Fact]
    public async Task SendAsync_AuthenticationFailingTooLong_ReportsAFault()
    {
        await using var sink = new CloudWatchSink(new RecordingPutMetricDataClient(PutMetricDataStatus.AuthenticationFailingTooLong), _log, TimeProvider.System);

        var result = await sink.SendAsync(new OutgoingBatch(Batch()), CancellationToken.None);

        result.Should().Be(new SinkResult(0, 2, 0, 1, SinkFault.AuthorizationFailing));
        _log.Lines.Should().ContainSingle().Which.Message.Should().Contain("stopping");
    }

    [Fact]
    public async Task Dispatcher_WithSinkOverOtherClient_CountsWhatTheClientReports()
    {
        var statistics = new PipelineStatistics();
        var queue = new BoundedBatchQueue(100, long.MaxValue, statistics, new RepeatThrottle(_log, TimeProvider.System, TimeSpan.FromMinutes(1)));
        var client = new RecordingPutMetricDataClient(PutMetricDataStatus.Delivered, PutMetricDataStatus.Rejected, PutMetricDataStatus.Delivered);
        await using var sink = new CloudWatchSink(client, _log, TimeProvider.System);
        queue.Enqueue(Batch(2));
        queue.Enqueue(Batch(3) with { Partition = "i-2" });
        queue.Enqueue(Batch(4) with { Partition = "i-3" });
        queue.Complete();

        await new BatchDispatcher(queue, sink, statistics, _log).RunAsync(CancellationToken.None);

        statistics.DatumsSent.Should().Be(6);
        statistics.DatumsDropped.Should().Be(3);
        statistics.Requests.Should().Be(3);
        client.Received.Select(b => b.Partition).Should().Equal("i-1", "i-2", "i-3");
    }
}
