namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>
/// The inf2.xlarge sample without instance metadata: its reports carry no timestamp, so they are stamped on arrival
/// and a run that crosses a minute boundary sends a core in two datums. What must hold is both cores, with one value
/// per core per report, however the minutes fall.
/// </summary>
internal static class NoMetadataSampleDatums
{
    public static readonly string Path = RepositoryFiles.Sample("inf2.xlarge-no-instance-metadata.jsonl");

    public static List<DryRunDatum> EveryValueOfBothCores(NeuronCwResult run)
    {
        var datums = DryRunRequest.ParseAll(run).SelectMany(r => r.MetricData).ToList();
        datums.Select(d => d.Dimensions["NeuronCore"]).Distinct().Should().BeEquivalentTo(["0", "1"], run.ToString());
        datums.SelectMany(d => d.Samples).Should().HaveCount(File.ReadLines(Path).Count() * 2, "one value per core per report");
        return datums;
    }
}
