using NeuronMetrics.CloudWatch.Retry;

namespace NeuronMetrics.CloudWatch.Tests.Retry;

public sealed class ThrottlePacerTests
{
    private readonly ThrottlePacer _pacer = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));

    [Fact]
    public void OnThrottled_Repeatedly_GapDoublesUpToCap()
    {
        _pacer.Gap.Should().Be(TimeSpan.Zero);

        _pacer.OnThrottled();
        _pacer.Gap.Should().Be(TimeSpan.FromMilliseconds(200));
        _pacer.OnThrottled();
        _pacer.Gap.Should().Be(TimeSpan.FromMilliseconds(400));
        _pacer.OnThrottled();
        _pacer.OnThrottled();
        _pacer.Gap.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void OnUnthrottled_AfterThrottling_GapHalvesBackToZero()
    {
        _pacer.OnThrottled();
        _pacer.OnThrottled();
        _pacer.OnThrottled();

        _pacer.Gap.Should().Be(TimeSpan.FromMilliseconds(800));

        _pacer.OnUnthrottled();
        _pacer.Gap.Should().Be(TimeSpan.FromMilliseconds(400));
        _pacer.OnUnthrottled();
        _pacer.OnUnthrottled();
        _pacer.Gap.Should().Be(TimeSpan.FromMilliseconds(100));
        _pacer.OnUnthrottled();
        _pacer.Gap.Should().Be(TimeSpan.Zero);
    }
}
