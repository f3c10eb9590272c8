namespace NeuronMetrics.CloudWatch.Retry;

/// <summary>
/// Our estimate of (server time − local time), learnt from the Date of error responses, so requests are signed
/// and validated with the service's idea of now. Not thread-safe: the client makes one request at a time.
/// </summary>
internal sealed class ClockSkew(TimeProvider clock)
{
    /// <summary>A server Date this far from ours means our clock is off (SigV4 allows 5 minutes).</summary>
    private static readonly TimeSpan Threshold = TimeSpan.FromMinutes(4);

    public TimeSpan Offset { get; private set; }

    /// <summary>Now, corrected by what the service told us.</summary>
    public DateTimeOffset Now => clock.GetUtcNow() + Offset;

    /// <summary>Learns the offset from the server's Date; true when it moved by more than the threshold.</summary>
    public bool Learn(DateTimeOffset? serverDate)
    {
        if (serverDate is not { } date)
        {
            return false;
        }

        var skew = date - Now;
        if (skew.Duration() < Threshold)
        {
            return false;
        }

        Offset += skew;
        return true;
    }
}
