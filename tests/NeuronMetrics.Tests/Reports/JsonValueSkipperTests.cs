using System.Text;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Tests.Reports;

public sealed class JsonValueSkipperTests
{
    private static int FindEnd(string json, int start = 0) => JsonValueSkipper.FindEnd(Encoding.UTF8.GetBytes(json), start);

    [Theory]
    [InlineData("{}", 2)]
    [InlineData("[]", 2)]
    [InlineData("{\"a\":[1,{\"b\":\"}]\\\"{\"}]},\"next\"", 23)]
    [InlineData("{\"s\":\"\\\\\"}]", 10)]
    public void FindEnd_Value_ReturnsIndexPastItsClosingBracket(string json, int expected)
    {
        FindEnd(json).Should().Be(expected);
    }

    [Fact]
    public void FindEnd_LongValue_MatchesByteByByteScan()
    {
        // Past 64 bytes the block fast path is used; brackets in strings must not count.
        var sb = new StringBuilder("x{");
        for (int i = 0; i < 200; i++)
        {
            sb.Append("\"k").Append(i).Append("\":{\"v\":[").Append(i).Append(",\"}]{[\"],\"e\":\"\\\"}\"},");
        }

        sb.Append("\"end\":0}");
        string json = sb + ",\"after\":1}";

        FindEnd(json, start: 1).Should().Be(sb.Length);
    }

    [Theory]
    [InlineData("{\"a\":[1,2")]
    [InlineData("{\"a\":\"}")]
    [InlineData("{\"a\":\"x\ny\"}")]
    public void FindEnd_NoStructuralEnd_ReturnsMinusOne(string json)
    {
        FindEnd(json).Should().Be(-1);
    }
}
