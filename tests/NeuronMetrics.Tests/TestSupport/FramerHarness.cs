using System.Text;
using NeuronMetrics.Input;

namespace NeuronMetrics.Tests;

/// <summary>Frames a whole input and lists each document (or rejected region) with its first line.</summary>
internal static class FramerHarness
{
    public static async Task<List<(string? Json, long Line, string? Error)>> FrameAsync(byte[] input, int maxBytes = JsonDocumentFramer.DefaultMaxDocumentBytes, int readSize = 0)
    {
        Stream stream = readSize > 0 ? new TrickleStream(input, readSize) : new MemoryStream(input);
        using var framer = new JsonDocumentFramer(stream, maxBytes);
        var result = new List<(string?, long, string?)>();
        while (await framer.ReadNextAsync() is { } doc)
        {
            result.Add((doc.IsRejected ? null : Encoding.UTF8.GetString(doc.Json.Span), doc.StartLine, doc.Error));
        }

        return result;
    }

    public static Task<List<(string? Json, long Line, string? Error)>> FrameAsync(string input, int maxBytes = JsonDocumentFramer.DefaultMaxDocumentBytes, int readSize = 0)
        => FrameAsync(Encoding.UTF8.GetBytes(input), maxBytes, readSize);
}
