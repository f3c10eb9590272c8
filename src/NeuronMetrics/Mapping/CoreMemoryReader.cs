using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// The fast path of <c>neuroncore_memory_usage</c> in its usual shape, compact
/// <c>{"0":{"constants":0,"model_code":100754945,…},"1":{…}}</c>: each core's total read straight from the bytes.
/// All or nothing: anything else (whitespace, escapes, a negative or non-number category, another number shape, an
/// empty core, bad JSON) returns false with nothing kept, and the caller reads the object with its validating reader.
/// </summary>
internal static class CoreMemoryReader
{
    /// <summary>Categories per core whose names are remembered for the next core (there are five today).</summary>
    private const int MaxRepeatedNames = 8;

    /// <summary>
    /// With <paramref name="start"/> at the object's '{': true, each core's sum of categories in <paramref name="found"/>
    /// (cleared first) and <paramref name="end"/> just past the object's '}', when the whole object has the usual shape.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, int start, List<(string Core, double Total)> found, out int end)
    {
        found.Clear();
        end = -1;
        int at = start + 1;
        Span<Range> names = stackalloc Range[MaxRepeatedNames]; // the previous core's categories: most cores repeat them
        int named = 0;
        while (true)
        {
            // "<index>":{"<category>":<number>,…}
            if (!CoreIndexKey.TryRead(json, ref at, out string core, out _) || at >= json.Length || json[at] != (byte)'{')
            {
                return false;
            }

            at++;
            double total = 0;
            int category = 0;
            while (true)
            {
                Range name;
                if (category < named ? !PlainName.TryReadLike(json, ref at, names[category], out name) : !PlainName.TryRead(json, ref at, out name))
                {
                    return false;
                }

                if (category < names.Length)
                {
                    names[category++] = name;
                    named = Math.Max(named, category);
                }

                if (at >= json.Length || json[at] == (byte)'-' || !PlainNumber.TryRead(json, ref at, out double part))
                {
                    return false;
                }

                total += part;
                if (!CompactSeparator.TryRead(json, ref at, (byte)'}', out bool closedCore))
                {
                    return false;
                }

                if (closedCore)
                {
                    break;
                }
            }

            found.Add((core, total));
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
