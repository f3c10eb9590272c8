namespace NeuronMetrics.CloudWatch;

/// <summary>How a PutMetricData call ended.</summary>
public enum PutMetricDataStatus
{
    /// <summary>CloudWatch accepted the request.</summary>
    Delivered,

    /// <summary>No datum was left to send (all invalid, or all given up by the buffer).</summary>
    NothingToSend,

    /// <summary>CloudWatch refused the request itself (InvalidParameterValue…); retrying would not help.</summary>
    Rejected,

    /// <summary>Retryable failures until the attempts or the time budget ran out.</summary>
    RetriesExhausted,

    /// <summary>The credentials were refused (authentication, permission, clock); not retried.</summary>
    AuthenticationFailed,

    /// <summary>Every request has failed on authentication or permission for the configured time: stop the run.</summary>
    AuthenticationFailingTooLong,

    /// <summary>Shutdown, or the buffer gave up the whole batch, before an attempt was accepted.</summary>
    Abandoned,
}
