namespace NeuronMetrics.Mapping;

/// <summary>The sum of a device's mem and sram counters of one kind: whether any was there, and whether one was not a usable count.</summary>
internal readonly record struct CounterSum(double Sum, bool Seen, bool Invalid)
{
    /// <summary>With a negative value: seen, and invalid.</summary>
    public CounterSum Add(double value) => value >= 0 ? this with { Sum = Sum + value, Seen = true } : this with { Seen = true, Invalid = true };

    /// <summary>With a negative value: seen, and invalid.</summary>
    public CounterSum AddInvalid() => this with { Seen = true, Invalid = true };
}
