namespace NeuronMetrics.Diagnostics;

/// <summary>
/// Says a recurring condition once, then at most once per <see cref="Interval"/> with the number of
/// repeats in between: a runtime error seen every second for weeks must not flood the journal.
/// </summary>
public sealed class RepeatThrottle(IDiagnosticLog log, TimeProvider clock, TimeSpan interval)
{
    /// <summary>The repeat interval of the warnings of a run: a condition that lasts is said again every 5 minutes.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    private const int MaxKeys = 1024;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public TimeSpan Interval { get; } = interval;

    /// <summary>Writes <paramref name="message"/> unless the same <paramref name="key"/> was written within the interval.</summary>
    public void Write(LogLevel level, string key, string message)
    {
        if (!log.IsEnabled(level))
        {
            return;
        }

        var now = clock.GetUtcNow();
        long suppressed;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && now - entry.LastWritten < Interval)
            {
                entry.Suppressed++;
                return;
            }

            if (entry is null)
            {
                if (_entries.Count >= MaxKeys)
                {
                    _entries.Clear();
                }

                entry = new Entry();
                _entries[key] = entry;
            }

            suppressed = entry.Suppressed;
            entry.Suppressed = 0;
            entry.LastWritten = now;
        }

        log.Write(level, suppressed > 0 ? $"{message} ({suppressed} repeats not shown)" : message);
    }

    private sealed class Entry
    {
        public DateTimeOffset LastWritten;
        public long Suppressed;
    }
}
