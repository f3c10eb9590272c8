using NeuronMetrics.Batching;
using NeuronMetrics.Dispatch;

namespace NeuronMetrics.CloudWatch;

/// <summary>
/// The one seam between the CloudWatch sink and the wire. The implementation here is three layers over AWSSDK.Core
/// (request builder → one-attempt sender → retry layer, see <see cref="CloudWatchSinkFactory"/>); a move to
/// AWSSDK.CloudWatch replaces them with one class implementing this interface. One call at a time.
/// </summary>
public interface IPutMetricDataClient : IDisposable
{
    /// <summary>The encoded size of datums in this client's requests, for the batcher's 1 MB limit.</summary>
    IDatumSizer Sizer { get; }

    /// <summary>
    /// Sends <see cref="OutgoingBatch.Remaining"/> (retrying as the client sees fit) and says what became of it.
    /// Returns rather than throws when <paramref name="cancellationToken"/> (shutdown) or the batch's displacement
    /// ends it, reporting the datums of a request cut off without an answer as in doubt.
    /// </summary>
    Task<PutMetricDataResult> PutMetricDataAsync(OutgoingBatch batch, CancellationToken cancellationToken);
}
