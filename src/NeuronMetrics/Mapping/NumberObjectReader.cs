namespace NeuronMetrics.Mapping;

/// <summary>
/// The fast path of a compact object of numbers, <c>{"completed":206,"timed_out":0,…}</c> (summaries, percentiles, a
/// device's counters): read straight from the bytes instead of token by token. All or nothing: anything else
/// (whitespace, an escaped or non-ASCII name, a negative number or another number shape, a value that is not a number,
/// bad JSON) returns false, and the caller reads the object with its validating reader as before.
/// </summary>
internal static class NumberObjectReader
{
    /// <summary>
    /// With <paramref name="start"/> at the object's '{': true, its fields in order in <paramref name="found"/> (cleared
    /// first) and <paramref name="end"/> just past the object's '}', when the whole object has this shape.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, int start, List<NumberField> found, out int end)
    {
        found.Clear();
        end = -1;
        int at = start + 1;
        if (at < json.Length && json[at] == (byte)'}')
        {
            end = at + 1;
            return true;
        }

        while (true)
        {
            if (!PlainName.TryRead(json, ref at, out Range name) || at >= json.Length || json[at] == (byte)'-')
            {
                return false;
            }

            int textStart = at;
            if (!PlainNumber.TryRead(json, ref at, out double value))
            {
                return false;
            }

            found.Add(new NumberField(name, new Range(textStart, at), value));
            if (!CompactSeparator.TryRead(json, ref at, (byte)'}', out bool closed))
            {
                return false;
            }

            if (closed)
            {
                end = at;
                return true;
            }
        }
    }
}
