namespace NeuronMetrics.CloudWatch.Transport;

/// <summary>An HTTP response, fully read: status, body, and the headers retry and diagnostics need.</summary>
internal sealed record TransportResponse(int StatusCode, byte[] Body, DateTimeOffset? Date, string? RequestId);
