using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>The compact-shape fast paths' core index key: <c>"17":</c>, digits only, no leading zero.</summary>
internal static class CoreIndexKey
{
    /// <summary>Reads the key and its colon at <paramref name="at"/>; false for any other shape (the caller falls back).</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, ref int at, out string core, out int index)
    {
        core = "";
        index = 0;
        if (at >= json.Length || json[at] != (byte)'"')
        {
            return false;
        }

        int keyStart = ++at;
        while (at < json.Length && (uint)(json[at] - '0') <= 9)
        {
            at++;
        }

        var key = json[keyStart..at];
        if (key.Length == 0 || (key.Length > 1 && key[0] == (byte)'0') || !json[at..].StartsWith("\":"u8))
        {
            return false;
        }

        core = IndexNames.Parse(key, out index);
        at += 2;
        return core.Length > 0;
    }
}
