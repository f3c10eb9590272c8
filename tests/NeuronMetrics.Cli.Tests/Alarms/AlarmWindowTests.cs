using NeuronMetrics.Cli.Alarms;

namespace NeuronMetrics.Cli.Tests.Alarms;

public sealed class AlarmWindowTests
{
    [Theory]
    [InlineData(60, 60, 60, 60)]        // the default: an hour of one-minute periods
    [InlineData(60, 90, 60, 90)]
    [InlineData(300, 60, 300, 12)]      // a 5-minute flush interval: 5-minute periods
    [InlineData(60, 61, 60, 61)]
    [InlineData(60, 24 * 60, 60, 1440)] // one day of minutes is the most a sub-hour period may cover
    [InlineData(60, 2 * 24 * 60, 3600, 48)]
    [InlineData(60, 7 * 24 * 60, 3600, 168)]
    public void For_Duration_PeriodsCoverItWithinCloudWatchRanges(int basePeriod, int minutes, int period, int periods)
    {
        var window = AlarmWindow.For(basePeriod, TimeSpan.FromMinutes(minutes), query: false, out string? error);

        error.Should().BeNull();
        window.Should().Be(new AlarmWindow(period, periods));
    }

    [Fact]
    public void For_LongerThanSevenDays_NoWindow()
    {
        AlarmWindow.For(60, TimeSpan.FromDays(7) + TimeSpan.FromHours(1), query: false, out string? error).Should().BeNull();
        error.Should().Contain("longer than CloudWatch evaluates an alarm");
    }

    [Fact]
    public void For_QueryAlarmOverThreeHours_NoWindow()
    {
        AlarmWindow.For(60, TimeSpan.FromHours(3), query: true, out _).Should().NotBeNull();
        AlarmWindow.For(60, TimeSpan.FromHours(4), query: true, out string? error).Should().BeNull();
        error.Should().Contain("Metrics Insights");
    }
}
