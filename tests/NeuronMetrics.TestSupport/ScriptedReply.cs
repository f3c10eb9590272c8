namespace NeuronMetrics.TestSupport;

/// <summary>How <see cref="ScriptedHttpServer"/> answers one request.</summary>
public sealed record ScriptedReply(
    int Status, string Body, string ContentType = "text/xml", TimeSpan Delay = default, bool Reset = false, DateTimeOffset? Date = null)
{
    /// <summary>Further response headers (e.g. Location).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>The body as bytes, instead of <see cref="Body"/> as UTF-8 (e.g. invalid UTF-8).</summary>
    public byte[]? RawBody { get; init; }

    /// <summary>Closes the connection with a TCP reset instead of answering.</summary>
    public static ScriptedReply ResetConnection() => new(0, string.Empty, Reset: true);

    public ScriptedReply Slow(TimeSpan delay) => this with { Delay = delay };
}
