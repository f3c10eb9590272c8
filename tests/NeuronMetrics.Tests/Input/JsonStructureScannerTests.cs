using NeuronMetrics.Input;

namespace NeuronMetrics.Tests.Input;

public sealed class JsonStructureScannerTests
{
    [Fact]
    public void Scan_ValueThenMore_StopsPastTheClosingBracket()
    {
        var scanner = new JsonStructureScanner();
        int position = 0;

        scanner.Scan("{\"a\":[1,\"}]\"]}{\"b\":2}"u8, ref position, final: true).Should().Be(ScanStop.End);

        position.Should().Be(14);
    }

    [Fact]
    public void Scan_NewlineInsideAString_StopsAndLeavesTheString()
    {
        var scanner = new JsonStructureScanner();
        int position = 0;

        scanner.Scan("{\"a\":\"cut\n{}"u8, ref position, final: true).Should().Be(ScanStop.Newline);

        (position, scanner.NewlineInString, scanner.InString, scanner.Depth).Should().Be((10, true, false, 1));
    }

    [Fact]
    public void Scan_EscapeAsLastByteWithMoreToCome_WaitsAtTheBackslash()
    {
        var scanner = new JsonStructureScanner();
        int position = 0;
        var data = "{\"a\":\"x\\"u8;

        scanner.Scan(data, ref position, final: false).Should().Be(ScanStop.NeedMore);
        position.Should().Be(data.Length - 1);

        var more = "{\"a\":\"x\\\"\"}"u8;
        scanner.Scan(more, ref position, final: true).Should().Be(ScanStop.End, "the escaped quote does not end the string");
        position.Should().Be(more.Length);
    }

    [Fact]
    public void Scan_LongValue_SameEndByBlocksAsByteByByte()
    {
        string inner = string.Concat(Enumerable.Range(0, 200).Select(i => $"{{\"k{i}\":[\"{{\\\"}}\",{i}]}},"));
        byte[] json = System.Text.Encoding.UTF8.GetBytes("[" + inner + "0]tail");
        var scanner = new JsonStructureScanner();
        int position = 0;

        scanner.Scan(json, ref position, final: true).Should().Be(ScanStop.End);

        position.Should().Be(json.Length - 4);
    }
}
