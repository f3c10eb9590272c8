namespace NeuronMetrics.CloudWatch.Retry;

/// <summary>
/// How long every request has failed on authentication or permission. One accepted request resets it; other
/// failures in between (an outage) do not. Past the limit the run stops, so a supervisor restarts it with fresh
/// credentials instead of it running on looking healthy. Not thread-safe: one request at a time.
/// </summary>
internal sealed class AuthFailureWatch(TimeProvider clock, TimeSpan limit)
{
    private long? _since;

    public void Succeeded() => _since = null;

    /// <summary>Records an authentication or permission failure; true once such failures have lasted <c>limit</c>.</summary>
    public bool Failed()
    {
        long now = clock.GetTimestamp();
        _since ??= now;
        return clock.GetElapsedTime(_since.Value, now) >= limit;
    }
}
