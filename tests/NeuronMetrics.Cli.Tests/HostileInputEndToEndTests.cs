using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests;

/// <summary>Bad input through the real process: one stderr line per bad document, with its line number; the stream goes on.</summary>
public sealed partial class HostileInputEndToEndTests
{
    private const int MaxDocumentBytes = 2048;

    private static readonly string[] Reports = File.ReadAllLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl"));

    [Fact]
    public async Task Run_MixedHostileInput_OneWarningPerBadDocumentAndEveryValidReportCounted()
    {
        var input = new List<(byte[] Bytes, bool Bad, bool Warned)>();
        var valid = new List<string>();
        void Good(string report, string bytes, bool warned = false)
        {
            valid.Add(report);
            input.Add((Encoding.UTF8.GetBytes(bytes), false, warned));
        }

        void Bad(byte[] bytes) => input.Add((bytes, true, true));

        input.Add(([0xEF, 0xBB, 0xBF], false, false)); // UTF-8 BOM first
        Good(Reports[0], Reports[0] + "\r\n");
        Bad("hello world\r\n"u8.ToArray());
        Bad(Encoding.UTF8.GetBytes(Reports[1][..150] + "\n")); // truncated: the next line starts a new report
        Good(Reports[2], Reports[2] + "\n");
        Bad("[1,2,3]\n"u8.ToArray());
        Bad(Encoding.UTF8.GetBytes("{\"neuron_runtime_data\":[],\"pad\":\"" + new string('x', MaxDocumentBytes * 3) + "\"}\n"));
        Bad([0x00, 0xFF, 0xFE, 0x01, (byte)'j', (byte)'u', (byte)'n', (byte)'k', 0x80, (byte)'\n']);
        Good(Reports[3], Pretty(Reports[3], "\n"));
        Good(Reports[4], Pretty(Reports[4], "\r\n") + "\r\n"); // back to back with the previous one
        Bad("{\"a\":1}\n"u8.ToArray());
        Bad("42\n"u8.ToArray());
        Good(WithWrongTypedUtilization(Reports[5]), WithWrongTypedUtilization(Reports[5]) + "\n", warned: true); // kept, one value dropped
        Good(Reports[6], Reports[6] + "\n");
        Bad("{\"neuron_runtime_data\":[{\"pid\":1,"u8.ToArray()); // cut off at end of input

        var expectedBadLines = new List<long>();
        var expectedWarningLines = new List<long>();
        long line = 1;
        foreach (var (bytes, bad, warned) in input)
        {
            if (bad)
            {
                expectedBadLines.Add(line);
            }

            if (warned)
            {
                expectedWarningLines.Add(line);
            }

            line += bytes.Count(b => b == (byte)'\n');
        }

        var result = await NeuronCwProcess.RunAsync(
            ["--dry-run", "--max-document-bytes", MaxDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            input.SelectMany(p => p.Bytes).ToArray());

        result.ExitCode.Should().Be(0, result.ToString());
        var warnings = result.StderrLines.Where(l => l.Contains(": warning: ", StringComparison.Ordinal)).ToList();
        warnings.Should().OnlyContain(w => WarningLine().IsMatch(w), result.ToString());
        warnings.Select(w => long.Parse(WarningLine().Match(w).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Equal(expectedWarningLines, result.ToString());
        warnings.Should().Contain(w => w.Contains($"document larger than {MaxDocumentBytes} bytes", StringComparison.Ordinal));

        var summary = SummaryLine.Parse(result);
        summary["reports"].Should().Be(valid.Count);
        summary["rejected"].Should().Be(expectedBadLines.Count);
        summary["values-dropped"].Should().Be(1, "the one string utilization is dropped, not the report");
        DatumChecks.ShouldMatch(DryRunRequest.ParseAll(result).SelectMany(r => r.MetricData).ToList(), SampleExpectations.FromLines(valid));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\r\n   \n")]
    [InlineData("\uFEFF")]
    public async Task Run_EmptyInput_ExitsZeroWithNothingToSend(string stdin)
    {
        var result = await NeuronCwProcess.RunAsync(["--dry-run"], stdin);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().NotContain(l => l.Contains(": warning: ", StringComparison.Ordinal));
        var summary = SummaryLine.Parse(result);
        summary["reports"].Should().Be(0);
        summary["rejected"].Should().Be(0);
        summary["requests"].Should().Be(0);
    }

    [Fact]
    public async Task Run_OnlyBinaryJunk_RejectsEachLineAndExitsZero()
    {
        var junk = new byte[4096];
        new Random(42).NextBytes(junk);
        for (int i = 0; i < junk.Length; i++)
        {
            // Keep it junk: no newline-free '{' or '[' document starts, so every line is one rejection.
            if (junk[i] is (byte)'{' or (byte)'[' or (byte)'"')
            {
                junk[i] = (byte)'#';
            }
        }

        int nonBlankLines = Encoding.Latin1.GetString(junk).Split('\n').Count(l => l.Trim(' ', '\t', '\r').Length > 0);

        var result = await NeuronCwProcess.RunAsync(["--dry-run"], junk);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().BeEmpty();
        var summary = SummaryLine.Parse(result);
        summary["reports"].Should().Be(0);
        summary["rejected"].Should().Be(nonBlankLines);
        result.StderrLines.Count(l => WarningLine().IsMatch(l)).Should().Be(nonBlankLines);
    }

    private static string Pretty(string report, string newline) =>
        JsonSerializer.Serialize(JsonNode.Parse(report), new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings(newline);

    private static string WithWrongTypedUtilization(string report)
    {
        var node = JsonNode.Parse(report)!;
        node["neuron_runtime_data"]![0]!["report"]!["neuroncore_counters"]!["neuroncores_in_use"]!["0"]!["neuroncore_utilization"] = "high";
        return node.ToJsonString();
    }

    [GeneratedRegex(@"^neuron-cw: warning: line (\d+): .+(; skipped|; the rest of the report is kept)$")]
    private static partial Regex WarningLine();
}
