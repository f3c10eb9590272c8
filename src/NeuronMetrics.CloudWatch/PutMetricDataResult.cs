using NeuronMetrics.CloudWatch.Errors;

namespace NeuronMetrics.CloudWatch;

/// <summary>The outcome of one PutMetricData call (after retries).</summary>
/// <param name="Delivered">CloudWatch accepted the request.</param>
/// <param name="DatumsSent">Datums in the accepted request (0 when not delivered).</param>
/// <param name="DatumsInvalid">Datums removed by validation before sending, with their reasons.</param>
/// <param name="Attempts">HTTP attempts made (0 when nothing was sent).</param>
/// <param name="Error">Why delivery failed: service error, or a synthetic code for transport/configuration failures.</param>
internal sealed record PutMetricDataResult(
    bool Delivered,
    int DatumsSent,
    IReadOnlyList<string> DatumsInvalid,
    int Attempts,
    ServiceError? Error);
