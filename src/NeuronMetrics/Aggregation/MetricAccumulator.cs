using NeuronMetrics.Model;

namespace NeuronMetrics.Aggregation;

/// <summary>The samples of one metric within one interval.</summary>
internal sealed class MetricAccumulator
{
    // Insertion-ordered distinct values with their counts (Values mode).
    private readonly List<double> _values = [];
    private readonly List<double> _counts = [];
    private readonly Dictionary<double, int> _indexByValue = [];

    // Every sample with its own time (None mode).
    private readonly List<(double Value, DateTimeOffset Timestamp)> _samples = [];

    public double Count { get; private set; }

    /// <summary>What this accumulator holds per sample kind: distinct values (Values), samples (None), 0 (Statistics).</summary>
    public int Entries => _values.Count + _samples.Count;

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
                if (_indexByValue.TryGetValue(value, out int index))
                {
                    _counts[index]++;
                }
                else
                {
                    _indexByValue[value] = _values.Count;
                    _values.Add(value);
                    _counts.Add(1);
                }

                break;
            case AggregationMode.None:
                _samples.Add((value, timestamp));
                break;
        }
    }

    public void Emit(MetricDatumTemplate template, DateTimeOffset intervalStart, AggregationMode mode, int maxValuesPerDatum, List<MetricDatum> output)
    {
        switch (mode)
        {
            case AggregationMode.Values:
                for (int offset = 0; offset < _values.Count; offset += maxValuesPerDatum)
                {
                    int n = Math.Min(maxValuesPerDatum, _values.Count - offset);
                    output.Add(template.Create(intervalStart) with
                    {
                        Values = _values.GetRange(offset, n),
                        Counts = _counts.GetRange(offset, n),
                    });
                }

                break;
            case AggregationMode.Statistics:
                output.Add(template.Create(intervalStart) with
                {
                    StatisticValues = new StatisticSet(Count, Sum, Minimum, Maximum),
                });
                break;
            default:
                foreach (var (value, timestamp) in _samples)
                {
                    output.Add(template.Create(timestamp) with { Value = value });
                }

                break;
        }
    }
}
