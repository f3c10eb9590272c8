using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Pipeline;

/// <summary>
/// The periodic work of a run read on its own thread (<see cref="IBlockingInput"/>), timed on that thread between reads
/// instead of by timers: a flush when an interval ends (and, while reports arrive, at most every tick, as the timer did,
/// for a report stamped into an interval already ended), and the stats line; <see cref="ReadingThreads"/> hands both to
/// the aggregating thread in order with the reports. <see cref="RunDue"/> says how long the reading thread may then
/// wait for input, so an idle run wakes only when an interval ends.
/// </summary>
internal sealed class ReadingThreadSchedule
{
    private readonly TimeProvider _clock;
    private readonly long _intervalTicks;
    private readonly TimeSpan _tick;
    private readonly TimeSpan? _statsInterval;
    private readonly Action _flush;
    private readonly Action _writeStats;
    private DateTimeOffset _nextBoundary;
    private DateTimeOffset _lastFlush;
    private DateTimeOffset _nextStats;
    private bool _inputSinceFlush;

    public ReadingThreadSchedule(TimeProvider clock, PipelineOptions options, Action flush, Action writeStats)
    {
        _clock = clock;
        _intervalTicks = options.FlushInterval.Ticks;
        _tick = options.FlushInterval < TimeSpan.FromSeconds(1) ? options.FlushInterval : TimeSpan.FromSeconds(1);
        _statsInterval = options.StatsInterval;
        _flush = flush;
        _writeStats = writeStats;
        var now = clock.GetUtcNow();
        _lastFlush = now;
        _nextBoundary = NextBoundary(now);
        _nextStats = _statsInterval is { } stats ? now + stats : DateTimeOffset.MaxValue;
    }

    /// <summary>Input came (the reading thread is awake anyway): a flush may be done at the next <see cref="RunDue"/>.</summary>
    public void InputArrived() => _inputSinceFlush = true;

    /// <summary>Does what is due now; returns how long the reading thread may wait for input before calling again.</summary>
    public TimeSpan RunDue()
    {
        var now = _clock.GetUtcNow();
        // A tick after the last flush, as the timer did (a replay read within a tick is flushed once, at its end), less
        // a little slack: reports a second apart then flush on arrival, without a wake-up of their own just after.
        if (now >= _nextBoundary || (_inputSinceFlush && now - _lastFlush >= _tick - (_tick / 20)))
        {
            _flush();
            _lastFlush = now;
            _inputSinceFlush = false;
            _nextBoundary = NextBoundary(now);
        }

        if (now >= _nextStats)
        {
            _writeStats();
            _nextStats = now + _statsInterval!.Value;
        }

        var next = _nextBoundary < _nextStats ? _nextBoundary : _nextStats;
        if (_inputSinceFlush && _lastFlush + _tick < next)
        {
            next = _lastFlush + _tick;
        }

        return next > now ? next - now : TimeSpan.Zero;
    }

    /// <summary>The end of the interval <paramref name="now"/> is in (intervals are aligned as the aggregator aligns them).</summary>
    private DateTimeOffset NextBoundary(DateTimeOffset now)
    {
        long ticks = now.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % _intervalTicks) + _intervalTicks, TimeSpan.Zero);
    }
}
