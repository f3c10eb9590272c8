namespace NeuronMetrics.Cli.Tests;

/// <summary>Durations the way a user types them (help texts, the startup line, range errors).</summary>
public sealed class OptionParsersTests
{
    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(5 * TimeSpan.TicksPerSecond, "5s")]
    [InlineData(60 * TimeSpan.TicksPerSecond, "60s")]
    [InlineData(90 * TimeSpan.TicksPerSecond, "90s")]
    [InlineData(120 * TimeSpan.TicksPerSecond, "2m")]
    [InlineData(150 * TimeSpan.TicksPerSecond, "150s")]
    [InlineData(600 * TimeSpan.TicksPerSecond, "10m")]
    [InlineData(3600 * TimeSpan.TicksPerSecond, "1h")]
    [InlineData(5400 * TimeSpan.TicksPerSecond, "90m")]
    [InlineData(86400 * TimeSpan.TicksPerSecond, "24h")]
    [InlineData(100 * TimeSpan.TicksPerMillisecond, "100ms")]
    [InlineData(1500 * TimeSpan.TicksPerMillisecond, "1500ms")]
    [InlineData(15_000L, "1.5ms")]
    [InlineData(12_340L, "1.234ms")]
    public void FormatDuration_Span_TypedForm(long ticks, string expected)
    {
        OptionParsers.FormatDuration(TimeSpan.FromTicks(ticks)).Should().Be(expected);
    }
}
