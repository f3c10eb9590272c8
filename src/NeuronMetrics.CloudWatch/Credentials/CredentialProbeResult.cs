namespace NeuronMetrics.CloudWatch.Credentials;

/// <summary>Whether credentials were found; <see cref="Message"/> explains either way and never contains secrets.</summary>
public sealed record CredentialProbeResult(bool Success, string Message);
