using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Tests.Mapping;

public sealed class SampleCombinerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static MetricKey Key(string name, AcrossRuntimes merge, string core = "0") =>
        new(name, MetricUnit.Count, [new Dimension("NeuronCore", core)], "i-1", merge);

    private static MetricSample Sample(MetricKey key, double value) => new(key, value, Now);

    [Theory]
    [InlineData(AcrossRuntimes.Max, 7)]
    [InlineData(AcrossRuntimes.Sum, 12)]
    [InlineData(AcrossRuntimes.Min, 2)]
    [InlineData(AcrossRuntimes.NotApplicable, 3)]
    public void Combine_EqualKeys_OneSampleByTheRule(AcrossRuntimes rule, double expected)
    {
        var samples = new List<MetricSample> { Sample(Key("m", rule), 3), Sample(Key("m", rule), 7), Sample(Key("m", rule), 2) };

        new SampleCombiner().Combine(samples, 0);

        samples.Should().ContainSingle().Which.Value.Should().Be(expected);
    }

    [Fact]
    public void Combine_KeepsOrderOfFirstAppearanceAndSamplesBeforeStart()
    {
        var a0 = Key("a", AcrossRuntimes.Max, "0");
        var a1 = Key("a", AcrossRuntimes.Max, "1");
        var b = Key("b", AcrossRuntimes.Sum);
        var samples = new List<MetricSample> { Sample(a0, 100), Sample(a0, 1), Sample(a1, 5), Sample(b, 1), Sample(a0, 9), Sample(b, 2), Sample(a1, 4) };
        var combiner = new SampleCombiner();

        combiner.Combine(samples, start: 1);

        samples.Select(s => (s.Key.Name, s.Key.Dimensions[0].Value, s.Value)).Should().Equal(
            ("a", "0", 100.0), ("a", "0", 9.0), ("a", "1", 5.0), ("b", "0", 3.0));

        var next = new List<MetricSample> { Sample(a0, 1), Sample(a0, 2) };
        combiner.Combine(next, 0);
        next.Should().ContainSingle().Which.Value.Should().Be(2, "each call starts over");
    }

    [Fact]
    public void Combine_ManyKeysOverSeveralReports_SameAsGroupingByKey()
    {
        // More keys than the table starts with, equal keys as distinct objects, and reports one after another.
        var combiner = new SampleCombiner();
        var random = new Random(7);
        foreach (int keys in new[] { 3, 700, 40, 1500, 2 })
        {
            var samples = new List<MetricSample>();
            for (int i = 0; i < keys * 3; i++)
            {
                int k = random.Next(keys);
                samples.Add(Sample(Key("m" + (k % 5), AcrossRuntimes.Sum, (k / 5).ToString(System.Globalization.CultureInfo.InvariantCulture)), i));
            }

            var expected = samples.GroupBy(s => s.Key).Select(g => (g.Key.ToString(), g.Sum(s => s.Value))).ToList();

            combiner.Combine(samples, 0);

            samples.Select(s => (s.Key.ToString(), s.Value)).Should().Equal(expected);
        }
    }
}
