namespace NeuronMetrics.CloudWatch.Errors;

/// <summary>An error returned by CloudWatch: the error code, its message and the request id.</summary>
public sealed record ServiceError(string Code, string Message, string? RequestId, string? Type = null);
