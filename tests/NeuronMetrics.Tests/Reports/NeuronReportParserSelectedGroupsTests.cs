using System.Text;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Tests.Reports;

/// <summary>The parser given the groups a run selects: the others are skipped by structure, unread.</summary>
public sealed class NeuronReportParserSelectedGroupsTests
{
    private readonly NeuronReport _report = new();

    private ReportParseResult Parse(string json, params string[] groups) => new NeuronReportParser(groups).Parse(Encoding.UTF8.GetBytes(json), _report);

    [Theory]
    [InlineData("inf1.xlarge-all-groups.jsonl")]
    [InlineData("trn1.32xlarge-two-runtimes.jsonl")]
    [InlineData("inf2.xlarge-newer-fields.jsonl")]
    public void Parse_Samples_SelectedGroupsIdenticalToFullParse(string sample)
    {
        var full = new NeuronReportParser();
        var fullReport = new NeuronReport();
        var selective = new NeuronReportParser(["neuroncore_counters", "execution_stats", "vcpu_usage"]);
        foreach (string line in File.ReadLines(RepositoryFiles.Sample(sample)).Where(l => l.Length > 0))
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            full.Parse(bytes, fullReport).IsOk.Should().BeTrue();
            selective.Parse(bytes, _report).IsOk.Should().BeTrue();

            _report.Instance.Should().Be(fullReport.Instance);
            _report.Runtimes.Select(r => (r.Tag, r.Pid, r.Error)).Should().Equal(fullReport.Runtimes.Select(r => (r.Tag, r.Pid, r.Error)));
            for (int i = 0; i < _report.Runtimes.Count; i++)
            {
                Sections(_report.Runtimes[i].Groups).Should().Equal(Sections(fullReport.Runtimes[i].Groups.Where(g => g.Type is "neuroncore_counters" or "execution_stats" or "inference_stats")));
            }

            Sections(_report.SystemGroups).Should().Equal(Sections(fullReport.SystemGroups.Where(g => g.Type == "vcpu_usage")));
        }
    }

    [Fact]
    public void Parse_UnselectedGroupsBeforeOtherFields_RestStillRead()
    {
        const string json = """{"system_data":{"memory_info":{"a":[1,{"b":"}]"}]},"vcpu_usage":{"x":1}},"instance_info":{"instance_id":"i-1"},"neuron_runtime_data":[{"report":{"memory_used":{"z":{}},"neuroncore_counters":{"error":"boom"}},"neuron_runtime_tag":"t"}]}""";

        Parse(json, "neuroncore_counters", "vcpu_usage").IsOk.Should().BeTrue();

        _report.Instance.InstanceId.Should().Be("i-1");
        Sections(_report.SystemGroups).Should().Equal(("vcpu_usage", "{\"x\":1}", null));
        _report.Runtimes.Should().ContainSingle().Which.Tag.Should().Be("t");
        Sections(_report.Runtimes[0].Groups).Should().Equal(("neuroncore_counters", "{\"error\":\"boom\"}", "boom"));
    }

    [Fact]
    public void Parse_OlderInferenceStatsName_ReadWhenExecutionStatsSelected()
    {
        Parse("""{"neuron_runtime_data":[{"report":{"inference_stats":{"x":1}}}]}""", "execution_stats").IsOk.Should().BeTrue();

        _report.Runtimes[0].Groups.Should().ContainSingle().Which.Type.Should().Be("inference_stats");
    }

    [Fact]
    public void Parse_InvalidJsonInsideUnselectedGroup_IsNotValidated()
    {
        // Documented trade-off: groups nothing reads are only checked for structure.
        Parse("""{"system_data":{"memory_info":{"a":tru,,},"vcpu_usage":{"x":1}}}""", "vcpu_usage").IsOk.Should().BeTrue();

        Sections(_report.SystemGroups).Should().Equal(("vcpu_usage", "{\"x\":1}", null));
    }

    [Fact]
    public void Parse_InvalidJsonNestedInSelectedGroup_LeftToItsMapper()
    {
        const string json = """{"system_data":{"vcpu_usage":{"error":"","usage_data":{"0":{"user":tru}},"period":1}}}""";

        Parse(json, "vcpu_usage").IsOk.Should().BeTrue();

        _report.SystemGroups.Should().ContainSingle().Which.Error.Should().BeNull();
        new NeuronReportParser().Parse(Encoding.UTF8.GetBytes(json), _report).Error.Should().StartWith("invalid JSON: ");
    }

    [Theory]
    [InlineData("""{"system_data":{"memory_info":{"a":1},"vcpu_usage":{"x":tru}}}""")] // in a selected group
    [InlineData("""{"system_data":{"memory_info":{"a":1}},"x":nope}""")] // after a skipped group
    [InlineData("""{"system_data":{"memory_info":{"a":[1,2""")] // truncated inside a skipped group
    [InlineData("""{"system_data":{"memory_info":{"a":"x""")] // truncated inside a string of a skipped group
    public void Parse_InvalidJsonOutsideUnselectedGroups_IsRejected(string json)
    {
        var result = Parse(json, "vcpu_usage");

        result.IsOk.Should().BeFalse();
        result.Error.Should().StartWith("invalid JSON: ");
    }

    [Fact]
    public void Parse_InvalidJsonAfterSkippedPrettyPrintedGroup_ReportsDocumentLine()
    {
        string json = "{\n\"system_data\": {\n  \"memory_info\": {\n    \"a\": 1,\n    \"b\": [\n      2\n    ]\n  }\n},\n\"x\": nope\n}";

        var result = Parse(json, "vcpu_usage");

        result.IsOk.Should().BeFalse();
        result.LineOffset.Should().Be(9, "'nope' is on the tenth line");
        new NeuronReportParser().Parse(Encoding.UTF8.GetBytes(json), _report).LineOffset.Should().Be(9);
    }

    private static List<(string Type, string Json, string? Error)> Sections(IEnumerable<GroupSection> groups)
        => groups.Select(g => (g.Type, Encoding.UTF8.GetString(g.Json.Span), g.Error)).ToList();
}
