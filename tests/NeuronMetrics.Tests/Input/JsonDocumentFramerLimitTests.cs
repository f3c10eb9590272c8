using System.Text;
using NeuronMetrics.Input;

namespace NeuronMetrics.Tests.Input;

/// <summary>Documents over --max-document-bytes are skipped without being held in memory; the stream goes on.</summary>
public sealed class JsonDocumentFramerLimitTests
{
    private static Task<List<(string? Json, long Line, string? Error)>> FrameAsync(string input, int maxBytes = JsonDocumentFramer.DefaultMaxDocumentBytes, int readSize = 0)
        => FramerHarness.FrameAsync(input, maxBytes, readSize);

    [Fact]
    public async Task ReadNextAsync_DocumentOverLimit_IsSkippedAndNextKept()
    {
        string big = "{\"a\":\"" + new string('x', 5000) + "\"}";

        var docs = await FrameAsync(big + "\n{\"b\":2}\n", maxBytes: 1024, readSize: 100);

        docs.Should().HaveCount(2);
        docs[0].Json.Should().BeNull();
        docs[0].Error.Should().StartWith("document larger than 1024 bytes skipped");
        docs[1].Should().Be(("{\"b\":2}", 2L, null));
    }

    [Theory]
    [InlineData("\n{\"b\":2}\n")]
    [InlineData("")]
    public async Task ReadNextAsync_DocumentOverLimitInOneRead_IsSkipped(string rest)
    {
        // Whole input in one read: the document is complete before the buffer ever needs refilling.
        string big = "{\"a\":\"" + new string('x', 5000) + "\"}";

        var docs = await FrameAsync(big + rest, maxBytes: 1024);

        docs[0].Json.Should().BeNull();
        docs[0].Error.Should().Be("document larger than 1024 bytes skipped (5008 bytes)");
        docs.Skip(1).Should().Equal(rest.Length > 0 ? [("{\"b\":2}", 2L, null)] : []);
    }

    [Fact]
    public async Task ReadNextAsync_TruncatedOverLimitAtEndOfInput_IsSkipped()
    {
        var docs = await FrameAsync("{\"a\":\"" + new string('x', 5000), maxBytes: 1024);

        docs.Should().ContainSingle().Which.Error.Should().Be("document larger than 1024 bytes skipped (5006 bytes)");
    }

    [Fact]
    public async Task ReadNextAsync_StreamIgnoringCancellation_StopsWaitingWhenCancelled()
    {
        // Like console stdin: a read that never ends and does not look at the token.
        using var framer = new JsonDocumentFramer(new NeverEndingReadStream());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var read = async () => await framer.ReadNextAsync(cancel.Token);

        (await read.Should().ThrowAsync<OperationCanceledException>().WaitAsync(TimeSpan.FromSeconds(10))).Which.CancellationToken.Should().Be(cancel.Token);
    }

    private sealed class NeverEndingReadStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(new TaskCompletionSource<int>().Task);
    }

    [Fact]
    public async Task ReadNextAsync_DocumentAtExactLimit_IsKept()
    {
        string doc = "{\"a\":\"" + new string('x', 1024 - 8) + "\"}";
        doc.Length.Should().Be(1024);

        var docs = await FrameAsync(doc + "\n", maxBytes: 1024, readSize: 7);

        docs.Should().ContainSingle().Which.Json.Should().Be(doc);
    }
}
