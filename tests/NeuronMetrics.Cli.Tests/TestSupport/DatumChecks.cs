namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>Compares the datums of a dry run with what the input says, per core.</summary>
internal static class DatumChecks
{
    public static void ShouldMatch(IReadOnlyList<DryRunDatum> datums, SampleExpectations expected)
    {
        var byCore = datums.GroupBy(d => d.Core).ToDictionary(g => g.Key, g => g.ToList());
        byCore.Keys.Should().BeEquivalentTo(expected.Values.Keys.Where(k => expected.Values[k].Count > 0));
        foreach (var (core, values) in expected.Values.Where(e => e.Value.Count > 0))
        {
            var coreDatums = byCore[core];
            coreDatums.Select(d => d.Timestamp).Should().OnlyHaveUniqueItems($"{core}: one datum per core per interval");
            coreDatums.Sum(d => d.Counts!.Sum()).Should().Be(values.Count, $"{core}: Counts add up to the reports");
            coreDatums.Sum(d => d.Values!.Zip(d.Counts!, (v, c) => v * c).Sum()).Should().BeApproximately(values.Sum(), 1e-9, $"{core}: sum of Values×Counts");
            coreDatums.SelectMany(d => d.Samples).Order().Should().Equal(values.Order(), $"{core}: exactly the input's values");
        }
    }
}
