using System.Text;
using NeuronMetrics.Input;

namespace NeuronMetrics.Tests.Input;

public sealed class JsonDocumentFramerTests
{
    private static Task<List<(string? Json, long Line, string? Error)>> FrameAsync(string input, int maxBytes = JsonDocumentFramer.DefaultMaxDocumentBytes, int readSize = 0)
        => FramerHarness.FrameAsync(input, maxBytes, readSize);

    private static Task<List<(string? Json, long Line, string? Error)>> FrameAsync(byte[] input, int maxBytes = JsonDocumentFramer.DefaultMaxDocumentBytes, int readSize = 0)
        => FramerHarness.FrameAsync(input, maxBytes, readSize);

    [Fact]
    public async Task ReadNextAsync_OneDocumentPerLine_ReturnsEachWithLineNumber()
    {
        var docs = await FrameAsync("{\"a\":1}\n{\"b\":[2]}\n");

        docs.Should().Equal(("{\"a\":1}", 1L, null), ("{\"b\":[2]}", 2L, null));
    }

    [Fact]
    public async Task ReadNextAsync_EmptyInput_ReturnsNothing()
    {
        (await FrameAsync("")).Should().BeEmpty();
        (await FrameAsync("\n\r\n  \n")).Should().BeEmpty();
    }

    [Fact]
    public async Task ReadNextAsync_BomCrlfAndBlankLines_AreSkipped()
    {
        var input = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"a\":1}\r\n\r\n{\"b\":2}\r\n")).ToArray();

        var docs = await FrameAsync(input);

        docs.Select(d => (d.Json, d.Line)).Should().Equal(("{\"a\":1}", 1L), ("{\"b\":2}", 3L));
    }

    [Fact]
    public async Task ReadNextAsync_PrettyPrintedBackToBack_ReturnsWholeDocuments()
    {
        string first = "{\n  \"a\": {\n    \"b\": \"}\"\n  }\n}";
        string second = "{\n  \"c\": [\n    1\n  ]\n}";

        var docs = await FrameAsync(first + "\n" + second + "\n");

        docs.Select(d => (d.Json, d.Line)).Should().Equal((first, 1L), (second, 6L));
    }

    [Fact]
    public async Task ReadNextAsync_DocumentsOnOneLine_AreSplit()
    {
        var docs = await FrameAsync("{\"a\":1}{\"b\":2} {\"c\":3}");

        docs.Select(d => d.Json).Should().Equal("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    }

    [Fact]
    public async Task ReadNextAsync_StringsWithBracesAndEscapes_DoNotConfuseDepth()
    {
        const string doc = "{\"a\":\"x}\\\"{]\",\"b\":\"\\\\\"}";

        var docs = await FrameAsync(doc + "\n{\"c\":1}");

        docs.Select(d => d.Json).Should().Equal(doc, "{\"c\":1}");
    }

    [Fact]
    public async Task ReadNextAsync_GarbageLine_IsRejectedWithLineAndNextDocumentKept()
    {
        var docs = await FrameAsync("{\"a\":1}\nhello world\n{\"b\":2}\n");

        docs.Should().HaveCount(3);
        docs[1].Should().Be((null, 2L, "not a JSON document (starts with 'h')"));
        docs[2].Json.Should().Be("{\"b\":2}");
    }

    [Fact]
    public async Task ReadNextAsync_TruncatedLineFollowedByReport_EndsAtNextLineStartingWithBrace()
    {
        var docs = await FrameAsync("{\"a\":{\"b\":[1,2\n{\"c\":1}\n");

        docs.Select(d => (d.Json, d.Line)).Should().Equal(("{\"a\":{\"b\":[1,2\n", 1L), ("{\"c\":1}", 2L));
    }

    [Fact]
    public async Task ReadNextAsync_TruncatedInsideString_NextReportKept()
    {
        var docs = await FrameAsync("{\"a\":\"unterminated\n{\"c\":\"x\"}\n");

        docs.Should().HaveCount(2);
        docs[1].Should().Be(("{\"c\":\"x\"}", 2L, null));
    }

    [Fact]
    public async Task ReadNextAsync_TruncatedAtEndOfInput_ReturnsRestForParserToReject()
    {
        var docs = await FrameAsync("{\"a\":1}\n{\"b\":");

        docs.Select(d => (d.Json, d.Line)).Should().Equal(("{\"a\":1}", 1L), ("{\"b\":", 2L));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    public async Task ReadNextAsync_TinyReads_GiveSameDocuments(int readSize)
    {
        string input = "\uFEFF{\"a\":\"\\\"}\"}\r\n\r\n{\n \"b\": [1, {\"c\": 2}]\n}\nnope\n{\"d\":1}";

        var whole = await FrameAsync(input);
        var trickled = await FrameAsync(input, readSize: readSize);

        trickled.Should().Equal(whole);
        whole.Should().HaveCount(4);
    }

    [Fact]
    public async Task ReadNextAsync_LargeStream_KeepsCountingLines()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 5000; i++)
        {
            sb.Append("{\"i\":").Append(i).Append(",\"pad\":\"").Append('y', 40).Append("\"}\n");
        }

        var docs = await FrameAsync(sb.ToString(), readSize: 4096);

        docs.Should().HaveCount(5000);
        docs[^1].Line.Should().Be(5000);
    }
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1000)]
    public async Task ReadNextAsync_LongDocumentsWithTrickyStrings_ReturnsEachExactly(int readSize)
    {
        // Long enough for the 64-byte fast path, with brackets, quotes and escapes inside strings
        // landing on every offset of a block.
        var random = new Random(7);
        var documents = new List<string>();
        for (int n = 0; n < 60; n++)
        {
            var sb = new StringBuilder("{\"runtime\":[");
            int fields = random.Next(1, 40);
            for (int f = 0; f < fields; f++)
            {
                sb.Append(f == 0 ? "" : ",").Append("{\"k").Append(f).Append("\":\"");
                int len = random.Next(0, 90);
                for (int c = 0; c < len; c++)
                {
                    sb.Append(random.Next(12) switch
                    {
                        0 => "{",
                        1 => "}",
                        2 => "[",
                        3 => "]",
                        4 => "\\\"",
                        5 => "\\\\",
                        _ => ((char)('a' + random.Next(26))).ToString(),
                    });
                }

                sb.Append("\",\"v\":[").Append(random.Next()).Append(",{\"x\":{}}]}");
            }

            documents.Add(sb.Append("]}").ToString());
        }

        var docs = await FrameAsync(string.Join("\n", documents) + "\n", readSize: readSize);

        docs.Select(d => d.Error).Should().AllBeEquivalentTo((string?)null);
        docs.Select(d => d.Json).Should().Equal(documents);
        docs.Select(d => d.Line).Should().Equal(Enumerable.Range(1, documents.Count).Select(i => (long)i));
    }

    [Fact]
    public async Task ReadNextAsync_LongTruncatedDocument_EndsAtNextLineStartingDocument()
    {
        string truncated = "{\"a\":[" + string.Join(",", Enumerable.Range(0, 50).Select(i => $"{{\"k{i}\":\"v{i}\"}}")) + ",{\"cut";
        string next = "{\"b\":[" + string.Join(",", Enumerable.Range(0, 50)) + "]}";

        var docs = await FrameAsync(truncated + "\n" + next + "\n");

        docs.Select(d => d.Json).Should().Equal(truncated + "\n", next);
        docs.Select(d => d.Line).Should().Equal(1L, 2L);
    }
}
