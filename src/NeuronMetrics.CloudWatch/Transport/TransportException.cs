using NeuronMetrics.CloudWatch.Retry;

namespace NeuronMetrics.CloudWatch.Transport;

/// <summary>An attempt that got no HTTP response (timeout, connection failure).</summary>
internal sealed class TransportException(TransportFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public TransportFailure Failure { get; } = failure;
}
