using System.Text;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Tests.Reports;

public sealed class JsonValueSkipperNewlineTests
{
    [Theory]
    [InlineData("{\"a\": 1}\n", 0)]
    [InlineData("{\n  \"a\": [\n    1\n  ]\n}\n{}", 4)]
    [InlineData("{\r\n\"a\":{}\r\n}", 2)]
    public void FindEnd_PrettyPrintedValue_CountsTheNewlinesInIt(string json, int expected)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);

        int end = JsonValueSkipper.FindEnd(bytes, 0, out int newlines);

        newlines.Should().Be(expected);
        newlines.Should().Be(bytes.AsSpan(0, end).Count((byte)'\n'));
    }
}
