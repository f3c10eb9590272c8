using System.Text;
using NeuronMetrics.Input;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Tests.Input;

public sealed class StructureIndexTests
{
    /// <summary>Every object and array of each framed document, with the end the index gives (or -1 when it has none).</summary>
    private static async Task<List<(string Json, List<(int Open, int End)> Ends, bool Indexed)>> FrameAsync(byte[] input, int readSize)
    {
        Stream stream = readSize > 0 ? new TrickleStream(input, readSize) : new MemoryStream(input);
        using var framer = new JsonDocumentFramer(stream);
        var result = new List<(string, List<(int, int)>, bool)>();
        while (await framer.ReadNextAsync() is { } doc)
        {
            var ends = new List<(int, int)>();
            var json = doc.Json.Span;
            for (int i = 0; i < json.Length; i++)
            {
                if (json[i] is (byte)'{' or (byte)'[')
                {
                    ends.Add((i, doc.Index is { } index && index.TryFindEnd(i, out int end) ? end : -1));
                }
            }

            result.Add((Encoding.UTF8.GetString(json), ends, doc.Index is not null));
        }

        return result;
    }

    /// <summary>Depth (1 = the document) of each bracket outside strings, by a plain reading of the bytes.</summary>
    private static Dictionary<int, int> Depths(string json)
    {
        var depths = new Dictionary<int, int>();
        int depth = 0;
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '{' or '[')
            {
                depths[i] = ++depth;
            }
            else if (c is '}' or ']')
            {
                depth--;
            }
        }

        return depths;
    }

    /// <summary>Nested values with strings full of brackets, escaped quotes and backslashes, at every offset around the 64-byte blocks.</summary>
    private static string Tricky(int pad) =>
        "{\"" + new string('p', pad) + "\":{\"a\":[\"}]\\\"{[\",{\"b\":\"\\\\\"},[[1,[2,[3,[4,{\"deep\":[5]}]]]]]],"
        + "\"c\":{\"d\":\"x\\\\\\\"}\",\"e\":[{},[],\"\\u005d\"]},\"é\":{\"f\":\"" + new string('\\', 2 * (pad % 5)) + "\"}},\"g\":[]}";

    public static TheoryData<int> ReadSizes => new() { 0, 1, 7, 63, 64, 65 };

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task TryFindEnd_TrickyDocuments_SameEndAsTheSkipperUpToMaxDepth(int readSize)
    {
        var documents = Enumerable.Range(0, 70).Select(Tricky).ToList();
        var framed = await FrameAsync(Encoding.UTF8.GetBytes(string.Join("\n", documents) + "\n"), readSize);

        framed.Select(f => f.Json).Should().Equal(documents);
        foreach (var (json, ends, indexed) in framed)
        {
            indexed.Should().BeTrue();
            var depths = Depths(json);
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            foreach (var (open, end) in ends.Where(e => depths.ContainsKey(Encoding.UTF8.GetCharCount(bytes, 0, e.Open))))
            {
                int depth = depths[Encoding.UTF8.GetCharCount(bytes, 0, open)];
                int expected = depth <= StructureIndex.MaxDepth ? JsonValueSkipper.FindEnd(bytes, open) : -1;
                end.Should().Be(expected, $"the bracket at {open} (depth {depth}) of {json}");
            }
        }
    }

    [Fact]
    public async Task Index_DocumentWithANewline_IsNotKept()
    {
        var framed = await FrameAsync(Encoding.UTF8.GetBytes("{\"a\":\n [1]}\n{\"c\":[1]}\n"), 0);

        framed.Select(f => f.Indexed).Should().Equal(false, true);
    }

    [Fact]
    public async Task TryFindEnd_TruncatedDocument_OnlyClosedValues()
    {
        var framed = await FrameAsync(Encoding.UTF8.GetBytes("{\"a\":{\"b\":[1,2]},\"c\":{\"d\":"), 0);

        framed.Single().Ends.Should().Equal((0, -1), (5, 16), (10, 15), (21, -1));
    }

    [Fact]
    public async Task TryFindEnd_BadBytesAndDocumentsOnOneLine_EachDocumentItsOwnPositions()
    {
        var input = new byte[] { (byte)'{', (byte)'"', 0xFF, 0xC3, (byte)'"', (byte)':', (byte)'[', (byte)']', (byte)'}', (byte)'[', (byte)'{', (byte)'}', (byte)']' };

        var framed = await FrameAsync(input, 0);

        framed.Select(f => f.Ends).Should().BeEquivalentTo(new[] { new List<(int, int)> { (0, 9), (6, 8) }, [(0, 4), (1, 3)] }, o => o.WithStrictOrdering());
    }

    /// <summary>Random nesting that goes up and down around <see cref="StructureIndex.MaxDepth"/>, long enough for many 64-byte blocks.</summary>
    private static string RandomNested(Random random)
    {
        var text = new StringBuilder("{\"r\":");
        int depth = 1;
        while (text.Length < 3000 || depth > 1)
        {
            int choice = text.Length < 3000 ? random.Next(10) : 4; // then only closing
            if ((choice < 3 && depth < 10) || (depth < 3 && text.Length < 3000))
            {
                text.Append(random.Next(2) == 0 ? "{\"k\":" : "[");
                depth++;
            }
            else if (choice < 6 && depth > 1)
            {
                text.Append(text[^1] is ':' ? "0" : "").Append(random.Next(2) == 0 ? "}" : "]").Append(depth > 2 ? "," : "");
                depth--;
            }
            else
            {
                text.Append(random.Next(3) switch { 0 => "\"s}]{[\"", 1 => new string(' ', random.Next(1, 70)), _ => "12" });
            }
        }

        return text.Append('}').ToString();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(64)]
    public async Task TryFindEnd_RandomDepthsAroundTheLimit_SameEndAsTheSkipperUpToMaxDepth(int readSize)
    {
        // Not valid JSON everywhere (a stray comma, a value-less name): the structure is all the index reads.
        var random = new Random(41);
        var documents = Enumerable.Range(0, 60).Select(_ => RandomNested(random)).ToList();
        var framed = await FrameAsync(Encoding.UTF8.GetBytes(string.Join("\n", documents) + "\n"), readSize);

        framed.Select(f => f.Json).Should().Equal(documents);
        foreach (var (json, ends, _) in framed)
        {
            var depths = Depths(json);
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            foreach (var (open, end) in ends.Where(e => depths.ContainsKey(e.Open)))
            {
                int depth = depths[open];
                int expected = depth <= StructureIndex.MaxDepth ? JsonValueSkipper.FindEnd(bytes, open) : -1;
                end.Should().Be(expected, $"the bracket at {open} (depth {depth})");
            }
        }
    }

    [Fact]
    public async Task TryFindEnd_LookupsInAnyOrder_SameEnds()
    {
        // The parser looks brackets up in document order; any other order (and repeats) must find the same ends.
        var random = new Random(43);
        string json = RandomNested(random);
        var framed = await FrameAsync(Encoding.UTF8.GetBytes(json + "\n"), 0);
        var inOrder = framed.Single().Ends;
        var index = new StructureIndex();
        var scanner = new JsonStructureScanner { Index = index };
        int position = 0;
        scanner.Scan(Encoding.UTF8.GetBytes(json), ref position, final: true).Should().Be(ScanStop.End);

        foreach (var (open, end) in inOrder.OrderBy(_ => random.Next()).Concat(inOrder).Concat(inOrder.AsEnumerable().Reverse()))
        {
            (index.TryFindEnd(open, out int found) ? found : -1).Should().Be(end, $"the bracket at {open}");
        }

        index.TryFindEnd(1, out _).Should().BeFalse("not a bracket");
    }
}
