using System.Text;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Tests.Reports;

public sealed class NeuronReportParserTests
{
    private readonly NeuronReportParser _parser = new();
    private readonly NeuronReport _report = new();

    private ReportParseResult Parse(string json) => _parser.Parse(Encoding.UTF8.GetBytes(json), _report);

    [Fact]
    public void Parse_SampleReport_ReadsInstanceRuntimesAndGroups()
    {
        string line = File.ReadLines(RepositoryFiles.Sample("inf1.xlarge-all-groups.jsonl")).First();

        Parse(line).IsOk.Should().BeTrue();

        _report.Instance.Should().Be(new InstanceInfo("i-0123456789abcdef0", "inf1.xlarge", "ap-northeast-1", "ap-northeast-1a"));
        _report.Runtimes.Should().ContainSingle();
        var runtime = _report.Runtimes[0];
        runtime.Tag.Should().Be("11");
        runtime.Pid.Should().Be(2499);
        runtime.Error.Should().BeNull();
        runtime.Groups.Select(g => g.Type).Should().BeEquivalentTo("execution_stats", "memory_used", "neuron_runtime_vcpu_usage", "neuroncore_counters");
        _report.SystemGroups.Select(g => g.Type).Should().BeEquivalentTo("memory_info", "neuron_hw_counters", "vcpu_usage");
        var counters = runtime.Groups.Single(g => g.Type == "neuroncore_counters");
        Encoding.UTF8.GetString(counters.Json.Span).Should().StartWith("{\"period\":").And.EndWith("\"error\":\"\"}");
    }

    [Fact]
    public void Parse_GroupError_IsRecorded()
    {
        Parse("""{"neuron_runtime_data":[{"pid":1,"neuron_runtime_tag":"a","error":"","report":{"neuroncore_counters":{"error":"boom"}}}]}""").IsOk.Should().BeTrue();

        _report.Runtimes[0].Groups.Should().ContainSingle().Which.Error.Should().Be("boom");
    }

    [Fact]
    public void Parse_RuntimeError_IsRecorded()
    {
        Parse("""{"neuron_runtime_data":[{"pid":1,"neuron_runtime_tag":"a","error":"cannot read","report":{}}]}""").IsOk.Should().BeTrue();

        _report.Runtimes[0].Error.Should().Be("cannot read");
    }

    [Fact]
    public void Parse_MissingTag_UsesPid()
    {
        Parse("""{"neuron_runtime_data":[{"pid":4242,"report":{}}]}""").IsOk.Should().BeTrue();

        _report.Runtimes[0].Tag.Should().Be("4242");
    }

    [Fact]
    public void Parse_NumericTag_IsText()
    {
        Parse("""{"neuron_runtime_data":[{"pid":1,"neuron_runtime_tag":77}]}""").IsOk.Should().BeTrue();

        _report.Runtimes[0].Tag.Should().Be("77");
    }

    [Fact]
    public void Parse_WrongTypes_DropOnlyThoseValues()
    {
        const string json = """
            {"neuron_runtime_data":[5, {"pid":"x","neuron_runtime_tag":"t","error":3,"report":{"neuroncore_counters":[],"memory_used":{"period":1}}}],
             "system_data":"nope","instance_info":{"instance_id":7,"instance_type":"inf2.xlarge"},"unknown":{"deep":[1,2,{}]}}
            """;

        Parse(json).IsOk.Should().BeTrue();

        _report.Runtimes.Should().ContainSingle();
        _report.Runtimes[0].Pid.Should().BeNull();
        _report.Runtimes[0].Error.Should().BeNull();
        _report.Runtimes[0].Groups.Select(g => g.Type).Should().Equal("memory_used");
        _report.SystemGroups.Should().BeEmpty();
        _report.Instance.InstanceId.Should().BeNull();
        _report.Instance.InstanceType.Should().Be("inf2.xlarge");
    }

    [Fact]
    public void Parse_NullRuntimeDataAndSystemData_IsAnEmptyReport()
    {
        Parse("""{"neuron_runtime_data":null,"system_data":null,"instance_info":{}}""").IsOk.Should().BeTrue();

        _report.Runtimes.Should().BeEmpty();
        _report.Instance.Should().Be(InstanceInfo.Unknown);
    }

    [Fact]
    public void Parse_OlderInferenceStatsGroup_IsKeptUnderItsName()
    {
        Parse("""{"neuron_runtime_data":[{"neuron_runtime_tag":"a","report":{"inference_stats":{"error":""}}}]}""").IsOk.Should().BeTrue();

        _report.Runtimes[0].Groups.Should().ContainSingle().Which.Type.Should().Be("inference_stats");
    }

    [Theory]
    [InlineData("[1,2]", "JSON array is not a neuron-monitor report")]
    [InlineData("{\"hello\":1}", "JSON object is not a neuron-monitor report (no neuron_runtime_data, system_data or instance_info)")]
    public void Parse_JsonThatIsNotAReport_IsRejected(string json, string error)
    {
        Parse(json).Error.Should().Be(error);
    }

    [Theory]
    [InlineData("{\"neuron_runtime_data\":[")]
    [InlineData("{\"neuron_runtime_data\":[1,]}")]
    [InlineData("{\"a\":tru}")]
    [InlineData("{\"system_data\":{}}}")]
    public void Parse_InvalidJson_IsRejectedWithReason(string json)
    {
        var result = Parse(json);

        result.IsOk.Should().BeFalse();
        result.Error.Should().StartWith("invalid JSON: ");
    }

    [Fact]
    public void Parse_InvalidJsonOnLaterLine_ReportsLineOffset()
    {
        var result = Parse("{\n\"instance_info\": {},\n\"x\": nope\n}");

        result.LineOffset.Should().Be(2);
    }

    [Fact]
    public void Parse_RepeatedInstance_ReusesInstanceInfo()
    {
        const string json = """{"instance_info":{"instance_id":"i-1","instance_type":"t"}}""";
        Parse(json);
        var first = _report.Instance;

        Parse(json);

        _report.Instance.Should().BeSameAs(first);
    }

    [Fact]
    public void Parse_AfterAFailedDocument_StartsClean()
    {
        Parse("""{"neuron_runtime_data":[{"neuron_runtime_tag":"a","report":{}}], "x": }""");

        Parse("""{"system_data":{}}""").IsOk.Should().BeTrue();

        _report.Runtimes.Should().BeEmpty();
    }
}
