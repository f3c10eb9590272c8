using NeuronMetrics.CloudWatch.Errors;

namespace NeuronMetrics.CloudWatch.Client;

/// <summary>How a Query action ended: accepted, or the (scrubbed) error of its last attempt.</summary>
/// <param name="Accepted">The service answered 2xx.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="Error">Why it failed; null when accepted. Text from the endpoint is scrubbed (<see cref="ServiceError.FromEndpoint"/>).</param>
/// <param name="RequestId">The request id of the last answer, if any.</param>
/// <param name="AuthenticationRefused">The credentials or their permissions were refused (not retried).</param>
public sealed record QueryActionResult(bool Accepted, int Attempts, ServiceError? Error, string? RequestId, bool AuthenticationRefused = false);
