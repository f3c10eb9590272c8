namespace NeuronMetrics.TestSupport;

/// <summary>How <see cref="ScriptedHttpServer"/> answers one request.</summary>
public sealed record ScriptedReply(
    int Status, string Body, string ContentType = "text/xml", TimeSpan Delay = default, bool Reset = false, DateTimeOffset? Date = null)
{
    /// <summary>Closes the connection with a TCP reset instead of answering.</summary>
    public static ScriptedReply ResetConnection() => new(0, string.Empty, Reset: true);

    public ScriptedReply Slow(TimeSpan delay) => this with { Delay = delay };
}
