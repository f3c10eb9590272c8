namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>What CloudWatch (moto) holds for one metric, summed over the datapoints of the read window.</summary>
internal sealed record MetricStatistics(
    string MetricName,
    Dictionary<string, string> Dimensions,
    int Datapoints,
    List<string> Units,
    double SampleCount,
    double Sum,
    double? Minimum,
    double? Maximum)
{
    /// <summary>The core; an empty instance id when the datum has no InstanceId (reports without instance metadata).</summary>
    public CoreUtilization Core => new(Dimensions.GetValueOrDefault("InstanceId", ""), Dimensions["NeuronCore"]);

    /// <summary>Checks counts, sum, minimum and maximum against the values the input holds for this core.</summary>
    public void ShouldMatch(IReadOnlyList<double> values)
    {
        SampleCount.Should().Be(values.Count, $"{Core}: SampleCount");
        Sum.Should().BeApproximately(values.Sum(), 1e-6, $"{Core}: Sum");
        Minimum.Should().Be(values.Min(), $"{Core}: Minimum");
        Maximum.Should().Be(values.Max(), $"{Core}: Maximum");
    }
}
