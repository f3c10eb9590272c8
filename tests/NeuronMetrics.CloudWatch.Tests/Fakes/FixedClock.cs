namespace NeuronMetrics.CloudWatch.Tests.Fakes;

/// <summary>A clock stopped at one instant (delays still run on real time).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
