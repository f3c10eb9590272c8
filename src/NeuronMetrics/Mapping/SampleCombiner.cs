namespace NeuronMetrics.Mapping;

/// <summary>
/// Makes one sample per metric per report: samples with equal keys (the same core listed by
/// several runtimes, or runtimes without a RuntimeTag dimension) are combined by their metric's
/// <see cref="AcrossRuntimes"/> rule — max for utilization, sum for memory and counts — so that
/// Values/Counts, percentiles and SampleCount keep counting reports. Keeps the order of first
/// appearance. Reused from report to report without allocating; reading thread only.
/// </summary>
public sealed class SampleCombiner
{
    private readonly KeySlotTable _slots = new();

    /// <summary>Combines the samples of <paramref name="samples"/> from <paramref name="start"/> on, in place.</summary>
    public void Combine(List<MetricSample> samples, int start)
    {
        if (samples.Count - start < 2)
        {
            return;
        }

        _slots.Begin(samples.Count - start);
        int write = start;
        for (int read = start; read < samples.Count; read++)
        {
            var sample = samples[read];
            int slot = _slots.FindOrAdd(sample.Key, write);
            if (slot != write)
            {
                var kept = samples[slot];
                samples[slot] = kept with { Value = Merge(sample.Key.Merge, kept.Value, sample.Value) };
            }
            else
            {
                samples[write++] = sample;
            }
        }

        samples.RemoveRange(write, samples.Count - write);
    }

    /// <summary>The value of a report when <paramref name="kept"/> and <paramref name="next"/> are two runtimes' values of one metric.</summary>
    public static double Merge(AcrossRuntimes rule, double kept, double next) => rule switch
    {
        AcrossRuntimes.Max => Math.Max(kept, next),
        AcrossRuntimes.Min => Math.Min(kept, next),
        AcrossRuntimes.Sum => kept + next,
        _ => kept, // one source per report: a repeated entry of a malformed report does not count twice
    };
}
