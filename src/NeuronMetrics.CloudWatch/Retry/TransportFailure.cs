namespace NeuronMetrics.CloudWatch.Retry;

/// <summary>How an attempt failed below HTTP, if it did.</summary>
internal enum TransportFailure
{
    /// <summary>An HTTP response arrived.</summary>
    None,

    /// <summary>No response within the per-attempt timeout.</summary>
    Timeout,

    /// <summary>Connect failure, DNS failure, reset or the connection closed mid-response.</summary>
    ConnectionFailure,
}
