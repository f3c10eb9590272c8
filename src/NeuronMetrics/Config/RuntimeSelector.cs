using System.Text.RegularExpressions;

namespace NeuronMetrics.Config;

/// <summary>One <c>neuron_runtimes[]</c> entry: which runtime tags it takes and which groups it enables.</summary>
public sealed record RuntimeSelector(Regex TagFilter, IReadOnlyList<string> Groups)
{
    public bool Matches(string tag) => TagFilter.IsMatch(tag);
}
