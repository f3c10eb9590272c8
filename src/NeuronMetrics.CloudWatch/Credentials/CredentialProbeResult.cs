namespace NeuronMetrics.CloudWatch.Credentials;

/// <summary>
/// Whether credentials were found. <see cref="Message"/> explains either way; when several sources of the chain were
/// tried, <see cref="Sources"/> has one line for each. Neither ever holds a secret (all text is scrubbed).
/// </summary>
public sealed record CredentialProbeResult(bool Success, string Message)
{
    public IReadOnlyList<string> Sources { get; init; } = [];
}
