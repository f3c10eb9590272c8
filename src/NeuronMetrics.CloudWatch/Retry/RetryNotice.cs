using NeuronMetrics.CloudWatch.Errors;

namespace NeuronMetrics.CloudWatch.Retry;

/// <summary>An attempt failed and another follows after <see cref="Delay"/> (for counting and logging as it happens).</summary>
internal readonly record struct RetryNotice(int FailedAttempt, ServiceError Error, TimeSpan Delay, string Reason);
