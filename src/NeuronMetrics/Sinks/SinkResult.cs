namespace NeuronMetrics.Sinks;

/// <summary>
/// What became of a batch a sink was given: <see cref="Sent"/> + <see cref="Dropped"/> + <see cref="InDoubt"/> is the
/// batch's datum count. The dispatcher does the counting; sinks only say what happened.
/// </summary>
/// <param name="Sent">Datums the destination accepted.</param>
/// <param name="Dropped">Datums that will never be delivered (invalid, rejected, given up).</param>
/// <param name="InDoubt">Datums of a request abandoned without an answer (shutdown): the service may have them or not.</param>
/// <param name="Requests">Requests (or documents) made for the batch, successful or not.</param>
/// <param name="Fault">Set when the sink can deliver nothing more: the run stops reading.</param>
public readonly record struct SinkResult(int Sent, int Dropped, int InDoubt = 0, int Requests = 0, SinkFault Fault = SinkFault.None)
{
    /// <summary>Every datum accepted, in <paramref name="requests"/> requests.</summary>
    public static SinkResult Delivered(int datums, int requests = 1) => new(datums, 0, 0, requests);

    /// <summary>Nothing delivered and nothing more can be: <paramref name="datums"/> dropped.</summary>
    public static SinkResult Failed(int datums, SinkFault fault) => new(0, datums, 0, 0, fault);
}
