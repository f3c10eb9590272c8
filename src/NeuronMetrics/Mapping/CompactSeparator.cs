namespace NeuronMetrics.Mapping;

/// <summary>The compact-shape fast paths' step after a member or element: the closing byte or a comma.</summary>
internal static class CompactSeparator
{
    /// <summary>
    /// True with <paramref name="at"/> past the byte when it is <paramref name="close"/> (<paramref name="closed"/> set)
    /// or a comma; false for anything else or the end of the input (the caller falls back to its validating reader).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, ref int at, byte close, out bool closed)
    {
        closed = false;
        if (at >= json.Length)
        {
            return false;
        }

        byte next = json[at++];
        closed = next == close;
        return closed || next == (byte)',';
    }
}
