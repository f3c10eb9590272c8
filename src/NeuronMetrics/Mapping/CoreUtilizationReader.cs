using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// The fast path of <c>neuroncores_in_use</c> in its usual shape, compact
/// <c>{"0":{"neuroncore_utilization":11.79},"1":{…}}</c>: read straight from the bytes instead of token by token.
/// All or nothing: anything else (whitespace, other fields, escapes, another number shape, bad JSON) returns false with
/// nothing kept, and the caller reads the object with its validating reader as before.
/// </summary>
internal static class CoreUtilizationReader
{
    private static ReadOnlySpan<byte> Field => "\"neuroncore_utilization\":"u8;

    /// <summary>
    /// With <paramref name="start"/> at the object's '{': true, the cores in <paramref name="found"/> (cleared first) and
    /// <paramref name="end"/> just past the object's '}', when the whole object has the usual shape and is valid JSON.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, int start, List<(string Core, int Index, double Value)> found, out int end)
    {
        found.Clear();
        end = -1;
        int at = start + 1;
        if (at < json.Length && json[at] == (byte)'}')
        {
            return false; // empty: rare, left to the reader
        }

        while (true)
        {
            // "<index>":{"neuroncore_utilization":<number>}
            if (!CoreIndexKey.TryRead(json, ref at, out string core, out int index) || at >= json.Length || json[at] != (byte)'{')
            {
                return false;
            }

            at++;
            if (!json[at..].StartsWith(Field))
            {
                return false;
            }

            at += Field.Length;
            if (!PlainNumber.TryRead(json, ref at, out double value) || at >= json.Length || json[at] != (byte)'}')
            {
                return false;
            }

            found.Add((core, index, value));
            at++;
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
