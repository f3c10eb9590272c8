using NeuronMetrics.Input;

namespace NeuronMetrics.Reports;

/// <summary>
/// Finds where an object or array ends by its structure alone (brackets outside strings), with the
/// framer's scanner, without validating what is inside. Used for groups nothing reads.
/// </summary>
internal static class JsonValueSkipper
{
    /// <summary>
    /// The index just past the value starting with '{' or '[' at <paramref name="start"/>, or -1 when
    /// it does not end in <paramref name="json"/> or holds a raw newline inside a string (left to the
    /// validating reader to reject).
    /// </summary>
    public static int FindEnd(ReadOnlySpan<byte> json, int start) => FindEnd(json, start, out _);

    /// <summary>As <see cref="FindEnd(ReadOnlySpan{byte}, int)"/>, with the newlines in the value (the scan stops at each anyway).</summary>
    public static int FindEnd(ReadOnlySpan<byte> json, int start, out int newlines)
    {
        var scanner = new JsonStructureScanner { Depth = 1 };
        int position = start + 1;
        newlines = 0;
        while (true)
        {
            switch (scanner.Scan(json, ref position, final: true))
            {
                case ScanStop.End:
                    return position;
                case ScanStop.Newline when !scanner.NewlineInString:
                    newlines++;
                    continue;
                default:
                    return -1;
            }
        }
    }
}
