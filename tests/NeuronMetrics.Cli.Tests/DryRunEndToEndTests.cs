using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests;

/// <summary>The built <c>neuron-cw --dry-run</c> on every bundled sample, checked against values read from the sample itself.</summary>
public sealed class DryRunEndToEndTests
{
    public static TheoryData<string, string?> SamplesAndConfigs()
    {
        var data = new TheoryData<string, string?>();
        foreach (string sample in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "samples"), "*.jsonl").Order())
        {
            foreach (string? config in new[] { "monitor.conf", "samples/monitor-all-groups.conf", null })
            {
                data.Add(Path.GetFileName(sample), config);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesAndConfigs))]
    public async Task DryRun_Sample_PrintsPerCoreDatumsMatchingTheInput(string sample, string? config)
    {
        string path = RepositoryFiles.Sample(sample);
        var expected = SampleExpectations.FromFile(path);
        List<string> arguments = ["--dry-run"];
        if (config is not null)
        {
            arguments.AddRange(["--config", RepositoryFiles.At(config)]);
        }

        var started = DateTimeOffset.UtcNow;
        var result = await NeuronCwProcess.RunAsync(arguments, File.ReadAllBytes(path));
        var ended = DateTimeOffset.UtcNow;

        result.ExitCode.Should().Be(0, result.ToString());
        var requests = DryRunRequest.ParseAll(result);
        requests.Should().NotBeEmpty(result.ToString());
        requests.Should().OnlyContain(r => r.Namespace == "Neuron");
        requests.Should().OnlyContain(r => r.MetricData.Select(d => d.Dimensions.GetValueOrDefault("InstanceId")).Distinct().Count() == 1, "requests are per instance");
        var allDatums = requests.SelectMany(r => r.MetricData).ToList();
        allDatums.Should().OnlyContain(d => d.Timestamp.Ticks % TimeSpan.TicksPerMinute == 0, "datums carry the start of their 60 s interval");
        allDatums.Should().OnlyContain(d => d.Timestamp > started.AddMinutes(-1) && d.Timestamp <= ended);
        var otherGroups = allDatums.Where(d => d.MetricName != "NeuronCoreUtilization").ToList();
        if (config == "samples/monitor-all-groups.conf" && sample.Contains("all-groups", StringComparison.Ordinal))
        {
            otherGroups.Should().NotBeEmpty("the all-groups config sends every group the report has");
        }
        else if (config != "samples/monitor-all-groups.conf")
        {
            otherGroups.Should().BeEmpty("without the all-groups config only utilization is sent");
        }

        var datums = allDatums.Where(d => d.MetricName == "NeuronCoreUtilization").ToList();
        datums.Should().OnlyContain(d => d.Unit == "Percent" && d.Values != null);
        // InstanceId unless the report has none (no instance metadata; the test runs with IMDS off).
        datums.Should().OnlyContain(d => d.Dimensions.Keys.Order().SequenceEqual(d.Core.InstanceId.Length > 0 ? new[] { "InstanceId", "NeuronCore" } : new[] { "NeuronCore" }));

        DatumChecks.ShouldMatch(datums, expected);

        var summary = SummaryLine.Parse(result);
        summary["reports"].Should().Be(expected.Reports);
        summary["rejected"].Should().Be(0);
        summary["datums"].Should().Be(allDatums.Count);
        summary["requests"].Should().Be(requests.Count);
    }
}
