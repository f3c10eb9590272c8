using System.Text;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Tests.Reports;

/// <summary>Strings that are not valid text, or not fit for a dimension value: refused with a note, never an exception.</summary>
public sealed class NeuronReportParserTextTests
{
    private const string Runtimes = """
        {"neuron_runtime_data":[
        {"pid":7,"neuron_runtime_tag":"TAG","report":{}},
        {"pid":8,"neuron_runtime_tag":"good","report":{}}],
        "instance_info":{"instance_id":"i-1","instance_type":"TYPE"}}
        """;

    private readonly NeuronReportParser _parser = new();
    private readonly NeuronReport _report = new();

    private ReportParseResult Parse(byte[] json) => _parser.Parse(json, _report);

    private static byte[] With(string placeholder, byte[] value)
    {
        byte[] json = Encoding.UTF8.GetBytes(Runtimes);
        int at = json.AsSpan().IndexOf(Encoding.UTF8.GetBytes(placeholder));
        return [.. json[..at], .. value, .. json[(at + placeholder.Length)..]];
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xFF, 0x62 }, "invalid UTF-8")]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "invalid UTF-8")] // a surrogate encoded in UTF-8
    [InlineData(new byte[] { 0x5C, 0x75, 0x64, 0x38, 0x30, 0x30 }, "invalid UTF-8 or an invalid \\u escape (lone surrogate)")] // \ud800
    [InlineData(new byte[] { 0x61, 0x5C, 0x75, 0x30, 0x30, 0x30, 0x30 }, "a control character (U+0000)")] // a\u0000
    [InlineData(new byte[] { 0xC2, 0x85 }, "a control character (U+0085)")]
    public void Parse_UnusableTag_RuntimeSkippedWithANote(byte[] tag, string problem)
    {
        var result = Parse(With("TAG", tag));

        result.IsOk.Should().BeTrue();
        result.Warning.Should().Be($"runtime (pid 7) skipped: its neuron_runtime_tag holds {problem}");
        result.LineOffset.Should().Be(1, "the tag is on the document's second line");
        _report.Runtimes.Should().ContainSingle().Which.Tag.Should().Be("good");
    }

    [Fact]
    public void Parse_UnusableInstanceField_LeftOutWithANote()
    {
        var result = Parse(With("TYPE", [0x69, 0x5C, 0x75, 0x30, 0x30, 0x31, 0x62]));

        result.Warning.Should().Be("instance_info.instance_type left out: it holds a control character (U+001B)");
        result.LineOffset.Should().Be(3);
        _report.Instance.Should().Be(new InstanceInfo("i-1", null, null, null));
        _report.Runtimes.Should().HaveCount(2);
    }

    [Fact]
    public void Parse_SeveralUnusableValues_FirstNotedWithTheCount()
    {
        byte[] json = With("TAG", [0xFF]);
        int at = json.AsSpan().IndexOf("TYPE"u8);
        json = [.. json[..at], 0xFF, .. json[(at + 4)..]];

        Parse(json).Warning.Should().Be("runtime (pid 7) skipped: its neuron_runtime_tag holds invalid UTF-8 (and 1 more value(s) refused)");
    }

    [Fact]
    public void Parse_UnicodeTextThatIsValid_IsKept()
    {
        Parse(With("TAG", Encoding.UTF8.GetBytes("推論-é-😀"))).Warning.Should().BeNull();

        _report.Runtimes[0].Tag.Should().Be("推論-é-😀");
    }

    [Fact]
    public void Parse_EscapedLoneSurrogateInAName_RejectsTheReportWithItsLine()
    {
        var result = Parse(Encoding.UTF8.GetBytes("{\"instance_info\":{},\n\"system_data\":{\"vcpu\\udc00\":{}}}"));

        result.Error.Should().Be("invalid JSON: a string with an invalid \\u escape (lone surrogate)");
        result.LineOffset.Should().Be(1);
    }

    [Fact]
    public void Parse_InvalidUtf8GroupName_GroupIgnored()
    {
        byte[] json = [.. "{\"system_data\":{\"memory_info\":{},\""u8, 0xFF, .. "\":{}}}"u8];

        Parse(json).IsOk.Should().BeTrue();

        _report.SystemGroups.Select(g => g.Type).Should().Equal("memory_info");
    }

    [Fact]
    public void Parse_ErrorTextThatIsNotText_StillAnError()
    {
        byte[] json = [.. "{\"neuron_runtime_data\":[{\"neuron_runtime_tag\":\"a\",\"error\":\""u8, 0xFF, .. "\"}]}"u8];

        Parse(json).IsOk.Should().BeTrue();

        _report.Runtimes[0].Error.Should().Be("(text with invalid UTF-8)");
    }
}
