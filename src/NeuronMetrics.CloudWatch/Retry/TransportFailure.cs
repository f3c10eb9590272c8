namespace NeuronMetrics.CloudWatch.Retry;

/// <summary>How an attempt failed below HTTP, if it did.</summary>
internal enum TransportFailure
{
    /// <summary>An HTTP response arrived.</summary>
    None,

    /// <summary>No response within the timeout: the request may have been processed.</summary>
    Timeout,

    /// <summary>No connection could be made (refused, DNS, TLS): the request was not sent.</summary>
    ConnectionFailure,

    /// <summary>The connection broke after the request may have gone out (reset, closed mid-response).</summary>
    ConnectionLost,
}
