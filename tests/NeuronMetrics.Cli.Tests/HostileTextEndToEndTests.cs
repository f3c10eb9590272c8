using System.Text;
using System.Text.RegularExpressions;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests;

/// <summary>
/// Strings that are not valid text (invalid UTF-8, lone surrogates) or hold control characters, in
/// every place a report carries one, through the real process: a line-numbered warning, the rest
/// kept, exit 0 — and no control character ever reaches the output.
/// </summary>
public sealed partial class HostileTextEndToEndTests
{
    private static readonly string Good = File.ReadLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")).First();

    private static byte[] Replace(string json, string text, byte[] with)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        int at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text));
        at.Should().BeGreaterThanOrEqualTo(0, text);
        return [.. bytes[..at], .. with, .. bytes[(at + Encoding.UTF8.GetByteCount(text))..]];
    }

    [Fact]
    public async Task Run_InvalidTextInEveryKindOfString_WarnsPerLineAndKeepsGoing()
    {
        byte[][] lines =
        [
            Encoding.UTF8.GetBytes(Good),                                                               // 1
            Replace(Good, "\"11\"", [.. "\"1"u8, 0xFF, .. "1\""u8]),                                     // 2: tag, invalid UTF-8
            Replace(Good, "\"11\"", Encoding.ASCII.GetBytes("\"1\\ud8001\"")),                           // 3: tag, escaped lone surrogate
            Replace(Good, "\"11\"", Encoding.ASCII.GetBytes("\"1\\u00001\"")),                           // 4: tag, NUL
            Replace(Good, "\"i-0123456789abcdef0\"", [.. "\"i-"u8, 0xC3, 0x28, .. "\""u8]),             // 5: instance id, invalid UTF-8
            Replace(Good, "\"inf1.xlarge\"", Encoding.ASCII.GetBytes("\"inf1\\u001b[31m\"")),            // 6: instance type, escape sequence
            Replace(Good, "\"neuroncore_counters\"", Encoding.ASCII.GetBytes("\"neuroncore_c\\udc00ounters\"")), // 7: group name, lone surrogate
            Replace(Good, "\"neuroncores_in_use\"", [.. "\"neuroncores_in_"u8, 0xFE, .. "\""u8]),       // 8: key, invalid UTF-8
            Encoding.UTF8.GetBytes(Good),                                                               // 9
        ];

        var result = await NeuronCwProcess.RunAsync(
            ["--dry-run", "--dimensions", "InstanceId,InstanceType,RuntimeTag"],
            lines.SelectMany(l => l.Append((byte)'\n')).ToArray());

        result.ExitCode.Should().Be(0, result.ToString());
        var warned = result.StderrLines.Select(l => WarningLine().Match(l)).Where(m => m.Success).ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups[2].Value);
        warned[2].Should().Be("runtime (pid 2499) skipped: its neuron_runtime_tag holds invalid UTF-8; the rest of the report is kept");
        warned[3].Should().Contain("neuron_runtime_tag holds invalid UTF-8 or an invalid \\u escape");
        warned[4].Should().Be("runtime (pid 2499) skipped: its neuron_runtime_tag holds a control character (U+0000); the rest of the report is kept");
        warned[5].Should().Be("instance_info.instance_id left out: it holds invalid UTF-8; the rest of the report is kept");
        warned[6].Should().Be("instance_info.instance_type left out: it holds a control character (U+001B); the rest of the report is kept");
        warned[7].Should().Be("invalid JSON: a string with an invalid \\u escape (lone surrogate); skipped");
        var summary = SummaryLine.Parse(result);
        summary["reports"].Should().Be(8, "only the report whose structure is unreadable is lost");
        summary["rejected"].Should().Be(1);
        result.AllOutput.Should().NotContainAny("\u0000", "\u001b", "\uFFFD");
        DryRunRequest.ParseAll(result).SelectMany(r => r.MetricData).SelectMany(d => d.Dimensions.Values)
            .Should().OnlyContain(v => !v.Any(char.IsControl));
    }

    [GeneratedRegex(@"^neuron-cw: warning: line (\d+): (.+)$")]
    private static partial Regex WarningLine();
}
