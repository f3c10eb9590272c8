using NeuronMetrics.Config;

namespace NeuronMetrics.Tests.Config;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("1s", 1000)]
    [InlineData("5s", 5000)]
    [InlineData("60s", 60000)]
    [InlineData("1m", 60000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5s", 1500)]
    [InlineData(" 2h ", 7200000)]
    public void TryParse_ValidDuration_ReturnsIt(string text, int milliseconds)
    {
        DurationParser.TryParse(text, out var duration).Should().BeTrue();
        duration.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("s")]
    [InlineData("0s")]
    [InlineData("-1s")]
    [InlineData("1d")]
    [InlineData("1,5s")]
    [InlineData("NaNs")]
    [InlineData("2d0h")]
    [InlineData("25h")]
    public void TryParse_InvalidDuration_ReturnsFalse(string? text)
    {
        DurationParser.TryParse(text, out _).Should().BeFalse();
    }
}
