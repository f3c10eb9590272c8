namespace NeuronMetrics.Mapping;

/// <summary>
/// The property names the byte-level fast paths read: printable ASCII with no quote or backslash, so the raw bytes are
/// the name (nothing to unescape) and compare as the token reader's <c>ValueTextEquals</c> would.
/// </summary>
internal static class PlainName
{
    /// <summary>With <paramref name="at"/> on a name's opening quote: true, the name's bytes and <paramref name="at"/> past its colon.</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, ref int at, out Range name)
    {
        name = default;
        if (at >= json.Length || json[at] != (byte)'"')
        {
            return false;
        }

        int nameStart = at + 1;
        int length = json[nameStart..].IndexOfAny((byte)'"', (byte)'\\');
        if (length <= 0 || json.Slice(nameStart, length).ContainsAnyExceptInRange((byte)0x20, (byte)0x7E))
        {
            return false; // an escape, a control or non-ASCII byte, an empty name, no end: left to the reader
        }

        int colon = nameStart + length;
        if (!json[colon..].StartsWith("\":"u8))
        {
            return false;
        }

        name = new Range(nameStart, colon);
        at = colon + 2;
        return true;
    }
}
