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
    /// With <paramref name="start"/> at the object's '{': true, its fields in order in <paramref name="found"/> and
    /// <paramref name="end"/> just past the object's '}', when the whole object has this shape; false with
    /// <paramref name="found"/> empty otherwise. With <paramref name="namesLikeFound"/>, <paramref name="found"/> holds
    /// the fields of an object read before from the same data (the previous device), whose names are tried first.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, int start, List<NumberField> found, out int end, bool namesLikeFound = false)
    {
        if (!namesLikeFound)
        {
            found.Clear();
        }

        if (TryRead(json, start, found, found.Count, out end))
        {
            return true;
        }

        found.Clear();
        return false;
    }

    private static bool TryRead(ReadOnlySpan<byte> json, int start, List<NumberField> found, int like, out int end)
    {
        end = -1;
        int at = start + 1;
        int count = 0;
        if (at < json.Length && json[at] == (byte)'}')
        {
            found.Clear();
            end = at + 1;
            return true;
        }

        while (true)
        {
            Range name;
            if (count < like ? !PlainName.TryReadLike(json, ref at, found[count].Name, out name) : !PlainName.TryRead(json, ref at, out name))
            {
                return false;
            }

            if (at >= json.Length || json[at] == (byte)'-')
            {
                return false;
            }

            int textStart = at;
            if (!PlainNumber.TryRead(json, ref at, out double value))
            {
                return false;
            }

            var field = new NumberField(name, new Range(textStart, at), value);
            if (count < found.Count)
            {
                found[count] = field;
            }
            else
            {
                found.Add(field);
            }

            count++;
            if (!CompactSeparator.TryRead(json, ref at, (byte)'}', out bool closed))
            {
                return false;
            }

            if (closed)
            {
                found.RemoveRange(count, found.Count - count);
                end = at;
                return true;
            }
        }
    }
}
