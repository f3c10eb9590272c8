using System.Text;
using NeuronMetrics.Input;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Tests.Reports;

/// <summary>The parser given the framer's structure index: the same report as when it scans what it skips.</summary>
public sealed class NeuronReportParserIndexTests
{
    private static readonly string[] Selected = ["neuroncore_counters", "memory_used", "vcpu_usage"];

    [Theory]
    [InlineData("inf1.xlarge-all-groups.jsonl")]
    [InlineData("trn1.32xlarge-two-runtimes.jsonl")]
    [InlineData("inf2.xlarge-newer-fields.jsonl")]
    [InlineData("inf2.xlarge-kubernetes.jsonl")]
    public async Task Parse_SamplesWithIndex_SameAsWithout(string sample)
    {
        var input = await File.ReadAllBytesAsync(RepositoryFiles.Sample(sample));
        using var framer = new JsonDocumentFramer(new MemoryStream(input));
        var indexed = new NeuronReportParser(Selected);
        var scanned = new NeuronReportParser(Selected);
        NeuronReport withIndex = new(), without = new();
        int used = 0;
        while (await framer.ReadNextAsync() is { } doc)
        {
            used += doc.Index is null ? 0 : 1;
            indexed.Parse(doc.Json, withIndex, doc.Index).Should().Be(scanned.Parse(doc.Json, without));

            Describe(withIndex).Should().Be(Describe(without));
        }

        used.Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData("{\"system_data\":{\"memory_info\":{\"a\":[1,{\"b\":\"]\"}]},\"vcpu_usage\":{\"x\":[1]}}}")]
    [InlineData("{\"system_data\":{\"memory_info\":{\"a\":[1,}]},\"vcpu_usage\":{\"x\":[1]},}}")]
    [InlineData("{\"neuron_runtime_data\":[{\"report\":{\"execution_stats\":{\"a\":{\"b\":[[[[[1]]]]]}},\"memory_used\":{\"c\":{\"d\":2},\"error\":\"e\"}}}],\"instance_info\":{\"instance_type\":7}}")]
    [InlineData("{\"neuron_runtime_data\":[{\"report\":{\"execution_stats\":{\"a\":[}")]
    public async Task Parse_SkippedGroupsValidOrNot_SameResultWithIndex(string json)
    {
        using var framer = new JsonDocumentFramer(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var doc = (await framer.ReadNextAsync())!.Value;
        NeuronReport withIndex = new(), without = new();

        doc.Index.Should().NotBeNull();
        new NeuronReportParser(Selected).Parse(doc.Json, withIndex, doc.Index).Should().Be(new NeuronReportParser(Selected).Parse(doc.Json, without));
        Describe(withIndex).Should().Be(Describe(without));
    }

    private static string Describe(NeuronReport report)
    {
        var text = new StringBuilder();
        text.Append(report.Instance).Append('|').Append(string.Join(",", report.UnreadGroups)).Append('|');
        foreach (var runtime in report.Runtimes)
        {
            text.Append(runtime.Tag).Append(runtime.Pid).Append(runtime.Error).Append(':');
            Append(text, runtime.Groups);
        }

        Append(text, report.SystemGroups);
        return text.ToString();
    }

    private static void Append(StringBuilder text, List<GroupSection> groups)
    {
        foreach (var group in groups)
        {
            text.Append(group.Type).Append('=').Append(Encoding.UTF8.GetString(group.Json.Span)).Append(group.Error).Append(';');
        }
    }
}
