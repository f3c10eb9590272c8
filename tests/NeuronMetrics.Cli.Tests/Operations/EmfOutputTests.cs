using System.Text.Json;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>--output emf end to end: every stdout line a valid EMF document, no sample lost.</summary>
public sealed class EmfOutputTests
{
    [Theory]
    [InlineData("values")]
    [InlineData("statistics")]
    [InlineData("none")]
    public async Task OutputEmf_AllSamples_ValidDocumentsCarryingEverySample(string aggregation)
    {
        string sample = RepositoryFiles.Sample("trn1.32xlarge-two-runtimes.jsonl");
        var input = await File.ReadAllTextAsync(sample);
        string[] options = ["--aggregation", aggregation, "-c", RepositoryFiles.Sample("monitor-all-groups.conf")];

        var run = await NeuronCwProcess.RunAsync(["--output", "emf", .. options], input, timeout: TimeSpan.FromSeconds(60));
        var dryRun = await NeuronCwProcess.RunAsync(["--dry-run", .. options], input, timeout: TimeSpan.FromSeconds(60));

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        dryRun.ExitCode.Should().Be(ExitCodes.Success, dryRun.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().NotBeEmpty();
        var emf = new Dictionary<string, List<double>>();
        foreach (var line in lines)
        {
            EmfSpecValidator.Validate(line).Should().BeEmpty(line);
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var directive = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
            var dimensions = directive.GetProperty("Dimensions")[0].EnumerateArray().Select(d => (d.GetString()!, root.GetProperty(d.GetString()!).GetString()!));
            foreach (var metric in directive.GetProperty("Metrics").EnumerateArray())
            {
                string name = metric.GetProperty("Name").GetString()!;
                var value = root.GetProperty(name);
                Samples(emf, Key(name, dimensions)).AddRange(value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetDouble()) : [value.GetDouble()]);
            }
        }

        var summary = SummaryLine.Parse(run);
        summary["dropped"].Should().Be(0);
        summary["sent"].Should().Be(summary["datums"]);

        // Per metric, the EMF documents hold exactly the samples the dry run sends to PutMetricData (over the whole
        // run: the two runs read at different times, so their intervals may differ).
        var sent = SentSamples(dryRun);
        emf.Keys.Should().BeEquivalentTo(sent.Keys);
        foreach (var (key, expected) in sent)
        {
            var actual = emf[key];
            if (aggregation == "statistics")
            {
                // A statistic set of n samples is written as n values keeping count, sum, minimum and maximum.
                actual.Count.Should().Be((int)expected.Count, key);
                actual.Sum().Should().BeApproximately(expected.Sum, 1e-6 * Math.Max(1, Math.Abs(expected.Sum)), key);
                actual.Min().Should().Be(expected.Minimum, key);
                actual.Max().Should().Be(expected.Maximum, key);
            }
            else
            {
                actual.Order().Should().Equal(expected.Values!.Order(), key);
            }
        }

        if (aggregation != "statistics")
        {
            // And, read straight from the sample: every core's utilization samples.
            foreach (var (core, values) in SampleExpectations.FromFile(sample).Values)
            {
                emf[Key("NeuronCoreUtilization", [("InstanceId", core.InstanceId), ("NeuronCore", core.NeuronCore)])].Order().Should().Equal(values.Order(), core.ToString());
            }
        }
    }

    private static string Key(string name, IEnumerable<(string Name, string Value)> dimensions) =>
        name + "|" + string.Join(",", dimensions.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => $"{d.Name}={d.Value}"));

    private static List<double> Samples(Dictionary<string, List<double>> byKey, string key) =>
        byKey.TryGetValue(key, out var list) ? list : byKey[key] = [];

    /// <summary>Per metric: every sample of the dry run's Value or Values×Counts, or its statistic sets summed up.</summary>
    private static Dictionary<string, (List<double>? Values, double Count, double Sum, double Minimum, double Maximum)> SentSamples(NeuronCwResult dryRun)
    {
        var sent = new Dictionary<string, (List<double>? Values, double Count, double Sum, double Minimum, double Maximum)>();
        foreach (var line in dryRun.StdoutLines)
        {
            using var document = JsonDocument.Parse(line);
            foreach (var datum in document.RootElement.GetProperty("MetricData").EnumerateArray())
            {
                string key = Key(datum.GetProperty("MetricName").GetString()!, datum.GetProperty("Dimensions").EnumerateArray().Select(d => (d.GetProperty("Name").GetString()!, d.GetProperty("Value").GetString()!)));
                var entry = sent.TryGetValue(key, out var found) ? found : ([], 0, 0, double.PositiveInfinity, double.NegativeInfinity);
                if (datum.TryGetProperty("StatisticValues", out var s))
                {
                    entry = (null, entry.Count + s.GetProperty("SampleCount").GetDouble(), entry.Sum + s.GetProperty("Sum").GetDouble(),
                        Math.Min(entry.Minimum, s.GetProperty("Minimum").GetDouble()), Math.Max(entry.Maximum, s.GetProperty("Maximum").GetDouble()));
                }
                else if (datum.TryGetProperty("Value", out var value))
                {
                    entry.Values!.Add(value.GetDouble());
                }
                else
                {
                    var counts = datum.GetProperty("Counts").EnumerateArray().Select(c => (int)c.GetDouble()).ToList();
                    entry.Values!.AddRange(datum.GetProperty("Values").EnumerateArray().SelectMany((v, i) => Enumerable.Repeat(v.GetDouble(), counts[i])));
                }

                sent[key] = entry;
            }
        }

        return sent;
    }
}
