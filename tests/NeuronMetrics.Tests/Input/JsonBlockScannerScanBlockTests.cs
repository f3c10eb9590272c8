using System.Text;
using NeuronMetrics.Input;

namespace NeuronMetrics.Tests.Input;

public sealed class JsonBlockScannerScanBlockTests
{
    private static byte[] Block(string text) => Encoding.ASCII.GetBytes(text.PadRight(JsonBlockScanner.BlockBytes));

    [Fact]
    public void ScanBlock_ValueEndsInBlock_ReturnsIndexPastClosingBracket()
    {
        const string text = "\"a\":{\"b\":[1,2]},\"c\":\"}]\"} {\"next\":1}";
        int depth = 1;
        bool inString = false;

        int end = JsonBlockScanner.ScanBlock(Block(text), ref depth, ref inString);

        end.Should().Be(text.IndexOf("} {", StringComparison.Ordinal) + 1);
        depth.Should().Be(0);
        inString.Should().BeFalse();
    }

    [Fact]
    public void ScanBlock_ClosingBracketsThatDoNotReachZero_AppliesWholeBlock()
    {
        int depth = 3;
        bool inString = false;

        JsonBlockScanner.ScanBlock(Block("}},{\"x\":\"abc"), ref depth, ref inString).Should().Be(0);

        depth.Should().Be(2);
        inString.Should().BeTrue();
    }

    [Fact]
    public void ScanBlock_ValueEndsOnLastByte_ReturnsBlockLength()
    {
        int depth = 1;
        bool inString = false;

        JsonBlockScanner.ScanBlock(Block(new string(' ', JsonBlockScanner.BlockBytes - 1) + "}"), ref depth, ref inString)
            .Should().Be(JsonBlockScanner.BlockBytes);

        depth.Should().Be(0);
    }

    [Fact]
    public void ScanBlock_Newline_LeavesStateForSlowScan()
    {
        int depth = 1;
        bool inString = false;

        JsonBlockScanner.ScanBlock(Block("1}\n"), ref depth, ref inString).Should().Be(-1);

        depth.Should().Be(1);
    }

    [Fact]
    public void FindEnd_RandomNestedValues_SameEndAsByteByByteReference()
    {
        var random = new Random(29);
        for (int i = 0; i < 3000; i++)
        {
            var text = new StringBuilder("{");
            int depth = 1;
            while (depth > 0 && text.Length < 600)
            {
                switch (random.Next(7))
                {
                    case 0: text.Append(random.Next(2) == 0 ? "{" : "["); depth++; break;
                    case 1: text.Append(random.Next(2) == 0 ? "}" : "]"); depth--; break;
                    case 2: text.Append("\"s{]}\""); break;
                    case 3: text.Append(":1,"); break;
                    case 4: text.Append(' ', random.Next(1, 40)); break;
                    default: text.Append("\"k\":"); break;
                }
            }

            text.Append(new string('}', Math.Max(depth, 0))).Append(" {\"after\":[1]}");
            byte[] json = Encoding.ASCII.GetBytes(text.ToString());

            NeuronMetrics.Reports.JsonValueSkipper.FindEnd(json, 0).Should().Be(Reference(json), "for {0}", text);
        }
    }

    private static int Reference(byte[] json)
    {
        int depth = 0;
        bool inString = false;
        for (int at = 0; at < json.Length; at++)
        {
            byte b = json[at];
            if (inString)
            {
                inString = b != (byte)'"';
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b is (byte)'{' or (byte)'[')
            {
                depth++;
            }
            else if (b is (byte)'}' or (byte)']' && --depth <= 0)
            {
                return at + 1;
            }
        }

        return -1;
    }
}
