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
        var input = await File.ReadAllTextAsync(RepositoryFiles.Sample("trn1.32xlarge-two-runtimes.jsonl"));

        var run = await NeuronCwProcess.RunAsync(
            ["--output", "emf", "--aggregation", aggregation, "-c", RepositoryFiles.Sample("monitor-all-groups.conf")],
            input, timeout: TimeSpan.FromSeconds(60));

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().NotBeEmpty();
        long samples = 0;
        foreach (var line in lines)
        {
            EmfSpecValidator.Validate(line).Should().BeEmpty(line);
            using var document = JsonDocument.Parse(line);
            foreach (var metric in document.RootElement.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").EnumerateArray())
            {
                var value = document.RootElement.GetProperty(metric.GetProperty("Name").GetString()!);
                samples += value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 1;
            }
        }

        // Every sample read (the stats line counts them as datums in none mode) is in the documents.
        var summary = SummaryLine.Parse(run);
        summary["dropped"].Should().Be(0);
        summary["sent"].Should().Be(summary["datums"]);
        samples.Should().BeGreaterThanOrEqualTo(summary["datums"]);
        if (aggregation == "none")
        {
            samples.Should().Be(summary["datums"]);
        }
    }
}
