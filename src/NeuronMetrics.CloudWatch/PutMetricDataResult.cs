using NeuronMetrics.CloudWatch.Errors;

namespace NeuronMetrics.CloudWatch;

/// <summary>The outcome of one PutMetricData call (after retries).</summary>
/// <param name="Status">How it ended.</param>
/// <param name="DatumsSent">Datums in the accepted request (0 unless delivered).</param>
/// <param name="DatumsInDoubt">Datums of a request that may have reached CloudWatch without an answer (0 when delivered).</param>
/// <param name="Attempts">HTTP attempts made (0 when nothing was sent).</param>
/// <param name="Invalid">Datums left out by validation, with their reasons.</param>
/// <param name="Error">Why delivery failed: service error, or a synthetic code for transport/configuration failures.</param>
public sealed record PutMetricDataResult(
    PutMetricDataStatus Status,
    int DatumsSent,
    int DatumsInDoubt,
    int Attempts,
    IReadOnlyList<string> Invalid,
    ServiceError? Error);
