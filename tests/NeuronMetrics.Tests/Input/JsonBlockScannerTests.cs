using System.Text;
using NeuronMetrics.Input;

namespace NeuronMetrics.Tests.Input;

public sealed class JsonBlockScannerTests
{
    private static byte[] Block(string text)
    {
        text.Length.Should().BeLessThanOrEqualTo(JsonBlockScanner.BlockBytes);
        return Encoding.ASCII.GetBytes(text.PadRight(JsonBlockScanner.BlockBytes));
    }

    [Fact]
    public void ScanBlock_BracketsOutsideStrings_UpdatesDepth()
    {
        var block = Block("{\"a\":[1,2],\"b\":{\"c\":3},\"d\":{\"e\":{\"f\":[[[\"g\"]]]}},\"hh\":12345678");
        int depth = 10;
        bool inString = false;

        JsonBlockScanner.ScanBlock(block, ref depth, ref inString).Should().Be(0);

        depth.Should().Be(11); // 8 opened, 7 closed
        inString.Should().BeFalse();
    }

    [Fact]
    public void ScanBlock_BracketsInsideStrings_AreIgnored()
    {
        var block = Block("\"}}}]]]\":1,\"x\":\"{{{[[[\",\"tag\":\"a}b]c\",\"y\":\"ends in a string:}]");
        int depth = 1;
        bool inString = false;

        JsonBlockScanner.ScanBlock(block, ref depth, ref inString).Should().Be(0);

        depth.Should().Be(1);
        inString.Should().BeTrue();
    }

    [Fact]
    public void ScanBlock_StartingInsideString_FlipsInterpretation()
    {
        var block = Block("still in a string }}}]]] \",\"k\":{\"v\":[1,2,3]},\"m\":{\"n\":\"{{{\"}}");
        int depth = 10;
        bool inString = true;

        JsonBlockScanner.ScanBlock(block, ref depth, ref inString).Should().Be(0);

        depth.Should().Be(9); // 3 opened, 4 closed
        inString.Should().BeFalse();
    }

    [Theory]
    [InlineData("{\"a\":1}\n{\"b\":2}")] // newline
    [InlineData("{\"a\":\"x\\\"y\"}")] // escape
    public void ScanBlock_NewlineOrBackslash_LeavesStateForSlowScan(string text)
    {
        int depth = 5;
        bool inString = false;

        JsonBlockScanner.ScanBlock(Block(text), ref depth, ref inString).Should().Be(-1);

        depth.Should().Be(5);
        inString.Should().BeFalse();
    }

    [Fact]
    public void ScanBlock_DepthReachesZero_StopsPastThatBracket()
    {
        var block = Block("\"a\":1}}");
        int depth = 2;
        bool inString = false;

        JsonBlockScanner.ScanBlock(block, ref depth, ref inString).Should().Be(7);

        depth.Should().Be(0);
    }
}
