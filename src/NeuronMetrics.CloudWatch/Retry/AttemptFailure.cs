namespace NeuronMetrics.CloudWatch.Retry;

/// <summary>What went wrong with one attempt, as far as the retry decision needs to know.</summary>
/// <param name="Kind">The classified failure.</param>
/// <param name="ClockSkewCorrected">The response Date showed our clock was off and the offset was just corrected.</param>
internal readonly record struct AttemptFailure(FailureKind Kind, bool ClockSkewCorrected = false);
