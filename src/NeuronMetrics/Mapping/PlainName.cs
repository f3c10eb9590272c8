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

        // A plain loop: names are short, too short for a vectorized search to pay off.
        int nameStart = at + 1;
        int end = nameStart;
        while (true)
        {
            if (end >= json.Length)
            {
                return false; // no end: left to the reader
            }

            byte b = json[end];
            if (b == (byte)'"')
            {
                break;
            }

            if ((uint)(b - 0x20) > 0x7E - 0x20 || b == (byte)'\\')
            {
                return false; // an escape, a control or non-ASCII byte: left to the reader
            }

            end++;
        }

        int length = end - nameStart;
        if (length == 0)
        {
            return false; // an empty name: left to the reader
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
