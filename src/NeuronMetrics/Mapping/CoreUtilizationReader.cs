using NeuronMetrics.Reports;
using NeuronMetrics.Text;

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
            if (key.Length == 0 || (key.Length > 1 && key[0] == (byte)'0') || !json[at..].StartsWith("\":{"u8))
            {
                return false;
            }

            string core = IndexNames.Parse(key, out int index);
            at += 3;
            if (core.Length == 0 || !json[at..].StartsWith(Field))
            {
                return false;
            }

            at += Field.Length;
            int numberEnd = NumberEnd(json, at);
            if (numberEnd < 0 || numberEnd + 1 >= json.Length || json[numberEnd] != (byte)'}'
                || !DecimalNumberParser.TryParse(json[at..numberEnd], out double value))
            {
                return false;
            }

            found.Add((core, index, value));
            at = numberEnd + 1;
            if (json[at] == (byte)'}')
            {
                end = at + 1;
                return true;
            }

            if (json[at] != (byte)',')
            {
                return false;
            }

            at++;
        }
    }

    /// <summary>The end of a JSON number of the shape -?(0|[1-9][0-9]*)(.[0-9]+)? at <paramref name="at"/>, or -1.</summary>
    private static int NumberEnd(ReadOnlySpan<byte> json, int at)
    {
        if (at < json.Length && json[at] == (byte)'-')
        {
            at++;
        }

        int digits = Digits(json, at);
        if (digits == 0 || (digits > 1 && json[at] == (byte)'0'))
        {
            return -1;
        }

        at += digits;
        if (at < json.Length && json[at] == (byte)'.')
        {
            int decimals = Digits(json, at + 1);
            if (decimals == 0)
            {
                return -1;
            }

            at += 1 + decimals;
        }

        return at;
    }

    private static int Digits(ReadOnlySpan<byte> json, int at)
    {
        int count = 0;
        while (at + count < json.Length && (uint)(json[at + count] - '0') <= 9)
        {
            count++;
        }

        return count;
    }
}
