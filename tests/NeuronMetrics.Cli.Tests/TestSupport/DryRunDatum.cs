namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>One entry of a dry-run request's <c>MetricData</c>.</summary>
internal sealed record DryRunDatum(
    string MetricName,
    IReadOnlyDictionary<string, string> Dimensions,
    DateTimeOffset Timestamp,
    string Unit,
    double? Value,
    double[]? Values,
    double[]? Counts)
{
    /// <summary>The core; an empty instance id when the datum has no InstanceId (reports without instance metadata).</summary>
    public CoreUtilization Core => new(Dimensions.GetValueOrDefault("InstanceId", ""), Dimensions["NeuronCore"]);

    /// <summary>Every sample the datum stands for (Values repeated by Counts, or the single Value).</summary>
    public IEnumerable<double> Samples => Value is { } single
        ? [single]
        : Values!.SelectMany((v, i) => Enumerable.Repeat(v, checked((int)Counts![i])));
}
