namespace NeuronMetrics.CloudWatch.Retry;

/// <summary>What went wrong with one attempt, as far as the retry decision needs to know.</summary>
/// <param name="StatusCode">HTTP status, when a response arrived.</param>
/// <param name="ErrorCode">Service error code from the body, when there was one.</param>
/// <param name="Transport">Failure below HTTP, if any.</param>
/// <param name="ClockSkewCorrected">The response Date showed our clock was off and the offset was just corrected.</param>
internal readonly record struct AttemptFailure(int? StatusCode, string? ErrorCode, TransportFailure Transport, bool ClockSkewCorrected = false);
