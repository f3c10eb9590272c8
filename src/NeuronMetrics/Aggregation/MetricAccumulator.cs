using NeuronMetrics.Model;

namespace NeuronMetrics.Aggregation;

/// <summary>
/// The samples of one metric within one interval. Reused: <see cref="Reset"/> keeps its buffers, so the
/// aggregator's pool of accumulators stops allocating once each has grown to its metric's usual size.
/// </summary>
internal sealed class MetricAccumulator
{
    // Insertion-ordered distinct values with their counts (Values mode).
    private readonly DistinctValueTable _distinct = new();

    // Every sample with its own time (None mode).
    private readonly List<(double Value, DateTimeOffset Timestamp)> _samples = [];

    /// <summary>The accumulator itself: two references, four doubles.</summary>
    private const int AccumulatorFields = (2 * 8) + (4 * 8);

    /// <summary>List&lt;T&gt;: array reference, count and version.</summary>
    private const int ListFields = 8 + 4 + 4;

    /// <summary>One (double, DateTimeOffset) sample: 8 + 16 bytes.</summary>
    private const int SampleBytes = 24;

    public double Count { get; private set; }

    /// <summary>
    /// Managed bytes this accumulator keeps while it waits in the pool: its buffers at their capacity, grown to the
    /// most values or samples any metric it served had. What the aggregator's pool bound counts.
    /// </summary>
    public long RetainedBytes => ManagedSize.Object(AccumulatorFields) + _distinct.RetainedBytes
        + ManagedSize.Object(ListFields) + ManagedSize.Array(_samples.Capacity, SampleBytes);

    /// <summary>What this accumulator holds per sample kind: distinct values (Values), samples (None), 0 (Statistics).</summary>
    public int Entries => _distinct.Count + _samples.Count;

    /// <summary>
    /// Whether this accumulator holds <paramref name="bound"/> entries or more; exact, but the distinct values' buffered
    /// adds are looked up only when they could reach the bound (<see cref="DistinctValueTable.CountAtMost"/>).
    /// </summary>
    public bool Holds(int bound) => _distinct.CountAtMost + _samples.Count >= bound && Entries >= bound;

    public double Sum { get; private set; }

    public double Minimum { get; private set; } = double.PositiveInfinity;

    public double Maximum { get; private set; } = double.NegativeInfinity;

    public void Add(double value, DateTimeOffset timestamp, AggregationMode mode)
    {
        Count++;
        Sum += value;
        Minimum = Math.Min(Minimum, value);
        Maximum = Math.Max(Maximum, value);
        switch (mode)
        {
            case AggregationMode.Values:
                _distinct.Add(value);
                break;
            case AggregationMode.None:
                _samples.Add((value, timestamp));
                break;
        }
    }

    /// <summary>Empties the accumulator for another metric or interval, keeping its buffers.</summary>
    public void Reset()
    {
        Count = 0;
        Sum = 0;
        Minimum = double.PositiveInfinity;
        Maximum = double.NegativeInfinity;
        _distinct.Clear();
        _samples.Clear();
    }

    /// <summary>Adds this accumulator's datums to <paramref name="output"/>; in Values mode the values are moved out (reset it next).</summary>
    public void Emit(MetricDatumTemplate template, DateTimeOffset intervalStart, AggregationMode mode, int maxValuesPerDatum, List<MetricDatum> output)
    {
        switch (mode)
        {
            case AggregationMode.Values:
                // The datums outlive this accumulator: they get their own arrays (one datum's worth most of the time).
                // Moved out, not copied: an emitted accumulator is reset next, and the move leaves nothing to clear.
                var values = new double[_distinct.Count];
                var counts = new double[_distinct.Count];
                _distinct.MoveTo(values, counts);
                if (values.Length > 0 && values.Length <= maxValuesPerDatum)
                {
                    output.Add(template.Create(intervalStart, values: values, counts: counts));
                    break;
                }

                for (int offset = 0; offset < values.Length; offset += maxValuesPerDatum)
                {
                    int n = Math.Min(maxValuesPerDatum, values.Length - offset);
                    output.Add(template.Create(intervalStart, values: values.AsSpan(offset, n).ToArray(), counts: counts.AsSpan(offset, n).ToArray()));
                }

                break;
            case AggregationMode.Statistics:
                output.Add(template.Create(intervalStart, statistics: new StatisticSet(Count, Sum, Minimum, Maximum)));
                break;
            default:
                foreach (var (value, timestamp) in _samples)
                {
                    output.Add(template.Create(timestamp, value: value));
                }

                break;
        }
    }
}
