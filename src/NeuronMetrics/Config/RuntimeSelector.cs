using System.Text.RegularExpressions;

namespace NeuronMetrics.Config;

/// <summary>
/// One <c>neuron_runtimes[]</c> entry: which runtimes it takes and which groups it enables. A runtime
/// matches when its tag contains a match of <see cref="TagFilter"/> (a search, as neuron-monitor's
/// own filter) and, for a neuron-rtd era entry, its address equals <see cref="Address"/>. An entry
/// with neither takes every runtime.
/// </summary>
public sealed record RuntimeSelector(Regex? TagFilter, IReadOnlyList<string> Groups)
{
    /// <summary>The GRPC address of a neuron-rtd daemon (Neuron Runtime 1.x) this entry selects, or null.</summary>
    public string? Address { get; init; }

    /// <summary>Where the entry is in the config, for messages (<c>neuron_runtimes[2]</c>).</summary>
    public string Field { get; init; } = "neuron_runtimes[]";

    public bool Matches(string tag, string? address = null) =>
        (TagFilter is null || TagFilter.IsMatch(tag)) && (Address is null || string.Equals(Address, address, StringComparison.Ordinal));

    /// <summary>The entry's selection in words: <c>tag_filter "x"</c>, <c>address "y"</c>, or <c>every runtime</c>.</summary>
    public string Describe() => (TagFilter, Address) switch
    {
        (null, null) => "every runtime",
        (not null, null) => $"tag_filter \"{TagFilter}\"",
        (null, not null) => $"address \"{Address}\"",
        _ => $"tag_filter \"{TagFilter}\" and address \"{Address}\"",
    };
}
