using NeuronMetrics.Batching;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Model;

namespace NeuronMetrics.CloudWatch.Tests.Fakes;

/// <summary>
/// A second, in-process implementation of <see cref="IPutMetricDataClient"/>: keeps what it is given and answers
/// each call with the next scripted status (the last repeats). It stands where AWSSDK.CloudWatch would.
/// </summary>
internal sealed class RecordingPutMetricDataClient(params PutMetricDataStatus[] script) : IPutMetricDataClient
{
    private readonly Queue<PutMetricDataStatus> _script = new(script);
    private PutMetricDataStatus _last = script.Length > 0 ? script[^1] : PutMetricDataStatus.Delivered;

    public List<MetricBatch> Received { get; } = [];

    /// <summary>Datums this client reports in doubt when a call is abandoned.</summary>
    public int InDoubtWhenAbandoned { get; init; }

    public IDatumSizer Sizer { get; } = new LengthSizer();

    public bool Disposed { get; private set; }

    public Task<PutMetricDataResult> PutMetricDataAsync(OutgoingBatch batch, CancellationToken cancellationToken)
    {
        var sent = batch.Remaining();
        Received.Add(sent);
        var status = _script.TryDequeue(out var next) ? _last = next : _last;
        var error = status == PutMetricDataStatus.Delivered ? null : new NeuronMetrics.CloudWatch.Errors.ServiceError(status == PutMetricDataStatus.Rejected ? "InvalidParameterValue" : "AccessDenied", "scripted", "req-1");
        return Task.FromResult(new PutMetricDataResult(
            status,
            status == PutMetricDataStatus.Delivered ? sent.Data.Count : 0,
            status == PutMetricDataStatus.Abandoned ? InDoubtWhenAbandoned : 0,
            1,
            [],
            error));
    }

    public void Dispose() => Disposed = true;

    /// <summary>Sizes by name length, so a test can tell it is the client's sizer that batches were packed with.</summary>
    private sealed class LengthSizer : IDatumSizer
    {
        public int RequestOverhead(string metricNamespace) => 10;

        public int DatumSize(MetricDatum datum, int memberIndex) => datum.MetricName.Length;
    }
}
