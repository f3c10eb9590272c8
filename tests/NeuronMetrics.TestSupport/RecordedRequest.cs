using System.IO.Compression;
using System.Text;

namespace NeuronMetrics.TestSupport;

/// <summary>One request <see cref="ScriptedHttpServer"/> received, as sent (a gzip body stays gzipped).</summary>
public sealed record RecordedRequest(string RequestLine, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The status the request was answered with (0: the connection was reset).</summary>
    public int AnsweredStatus { get; init; }

    /// <summary>The body as UTF-8 text, gunzipped when the request said Content-Encoding: gzip.</summary>
    public string BodyText()
    {
        if (!Headers.TryGetValue("Content-Encoding", out var encoding) || !string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8.GetString(Body);
        }

        using var gunzip = new GZipStream(new MemoryStream(Body), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gunzip.CopyTo(plain);
        return Encoding.UTF8.GetString(plain.ToArray());
    }
}
