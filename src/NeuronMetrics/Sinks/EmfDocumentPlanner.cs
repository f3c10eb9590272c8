using NeuronMetrics.Model;

namespace NeuronMetrics.Sinks;

/// <summary>
/// Splits datums that share dimensions and timestamp into EMF documents within the limits, expanding
/// Values/Counts and statistic sets into plain sample arrays (see <see cref="EmfSink"/>).
/// </summary>
internal static class EmfDocumentPlanner
{
    public static IEnumerable<EmfDocument> Plan(IReadOnlyList<MetricDatum> sameDimensionsAndTime)
    {
        var current = new List<EmfMetric>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var datum in sameDimensionsAndTime)
        {
            foreach (var chunk in Chunks(Samples(datum)))
            {
                if (current.Count == EmfLimits.MaxMetricsPerDirective || !names.Add(datum.MetricName))
                {
                    yield return new EmfDocument(current);
                    current = [];
                    names.Clear();
                    names.Add(datum.MetricName);
                }

                current.Add(new EmfMetric(datum, chunk));
            }
        }

        if (current.Count > 0)
        {
            yield return new EmfDocument(current);
        }
    }

    /// <summary>Every sample the datum stands for, in order.</summary>
    internal static IEnumerable<double> Samples(MetricDatum datum)
    {
        if (datum.Value is { } value)
        {
            yield return value;
        }

        if (datum.Values is { } values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                // Counts are sample counts (whole numbers); a missing Counts array means 1 each, as in PutMetricData.
                long repeat = datum.Counts is { } counts ? (long)Math.Round(counts[i], MidpointRounding.AwayFromZero) : 1;
                for (long r = 0; r < repeat; r++)
                {
                    yield return values[i];
                }
            }
        }

        if (datum.StatisticValues is { } stats)
        {
            foreach (double sample in FromStatistics(stats))
            {
                yield return sample;
            }
        }
    }

    /// <summary>n samples with the set's count, sum, minimum and maximum: [min, max, mid × (n−2)].</summary>
    private static IEnumerable<double> FromStatistics(StatisticSet stats)
    {
        long n = (long)Math.Round(stats.SampleCount, MidpointRounding.AwayFromZero);
        if (n <= 0)
        {
            yield break;
        }

        yield return stats.Minimum;
        if (n == 1)
        {
            yield break;
        }

        yield return stats.Maximum;
        if (n == 2)
        {
            yield break;
        }

        double mid = Math.Clamp((stats.Sum - stats.Minimum - stats.Maximum) / (n - 2), stats.Minimum, stats.Maximum);
        for (long i = 2; i < n; i++)
        {
            yield return mid;
        }
    }

    private static IEnumerable<IReadOnlyList<double>> Chunks(IEnumerable<double> samples)
    {
        var chunk = new List<double>(EmfLimits.MaxValuesPerMetric);
        foreach (double sample in samples)
        {
            chunk.Add(sample);
            if (chunk.Count == EmfLimits.MaxValuesPerMetric)
            {
                yield return chunk;
                chunk = new List<double>(EmfLimits.MaxValuesPerMetric);
            }
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
