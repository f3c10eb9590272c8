using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>The counters of the <c>neuron-cw: info: done: reports=... rejected=...</c> line a run ends with.</summary>
internal static partial class SummaryLine
{
    public static IReadOnlyDictionary<string, long> Parse(NeuronCwResult result)
    {
        var lines = result.StderrLines.Where(l => l.StartsWith("neuron-cw: info: done: ", StringComparison.Ordinal)).ToList();
        lines.Should().ContainSingle(result.ToString());
        lines[0].Should().MatchRegex(@"^neuron-cw: info: done: reports=\d+ rejected=\d+ .*datums=\d+ requests=\d+");
        return Counter().Matches(lines[0]).ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"([a-z-]+)=(\d+)")]
    private static partial Regex Counter();
}
