using NeuronMetrics.Pipeline;

namespace NeuronMetrics.Tests.Pipeline;

public sealed class ReadingThreadScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 30, TimeSpan.Zero);

    private sealed class Counts
    {
        public int Flushes;
        public int Stats;
    }

    private static (ReadingThreadSchedule Schedule, ManualClock Clock, Counts Counts) Create(TimeSpan? stats = null)
    {
        var clock = new ManualClock(Start);
        var counts = new Counts();
        var options = new PipelineOptions { FlushInterval = TimeSpan.FromSeconds(60), StatsInterval = stats };
        return (new ReadingThreadSchedule(clock, options, () => counts.Flushes++, () => counts.Stats++), clock, counts);
    }

    [Fact]
    public void RunDue_NoInput_WaitsForTheIntervalEndThenFlushes()
    {
        var (schedule, clock, counts) = Create();

        schedule.RunDue().Should().Be(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(29.999));
        schedule.RunDue().Should().Be(TimeSpan.FromMilliseconds(1));
        counts.Flushes.Should().Be(0);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        schedule.RunDue().Should().Be(TimeSpan.FromSeconds(60));
        counts.Flushes.Should().Be(1);
    }

    [Fact]
    public void RunDue_InputArrived_FlushesWithinATickNotAtEveryRead()
    {
        var (schedule, clock, counts) = Create();
        schedule.InputArrived();

        schedule.RunDue().Should().Be(TimeSpan.FromSeconds(1), "nothing flushed yet: the tick after the last flush bounds the wait");
        clock.Advance(TimeSpan.FromSeconds(0.5));
        schedule.RunDue();
        counts.Flushes.Should().Be(0, "half a tick after the last flush is too soon: a replay read within a tick is flushed once");
        clock.Advance(TimeSpan.FromSeconds(0.5));

        schedule.RunDue().Should().Be(TimeSpan.FromSeconds(29));
        counts.Flushes.Should().Be(1);
    }

    [Fact]
    public void RunDue_StatsInterval_WritesStatsWhenDue()
    {
        var (schedule, clock, counts) = Create(TimeSpan.FromSeconds(10));

        schedule.RunDue().Should().Be(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(10));
        schedule.RunDue();

        counts.Stats.Should().Be(1);
        counts.Flushes.Should().Be(0);
    }
}
