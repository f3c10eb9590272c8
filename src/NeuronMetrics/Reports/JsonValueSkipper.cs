using NeuronMetrics.Input;

namespace NeuronMetrics.Reports;

/// <summary>
/// Finds where an object or array ends by its structure alone (brackets outside strings), 64 bytes
/// at a time where possible, without validating what is inside. Used for groups nothing reads.
/// </summary>
internal static class JsonValueSkipper
{
    /// <summary>
    /// The index just past the value starting with '{' or '[' at <paramref name="start"/>, or -1 when
    /// it does not end in <paramref name="json"/> or holds a raw newline inside a string (left to the
    /// validating reader to reject).
    /// </summary>
    public static int FindEnd(ReadOnlySpan<byte> json, int start)
    {
        int depth = 1;
        bool inString = false;
        int i = start + 1;
        while (i < json.Length)
        {
            if (json.Length - i >= JsonBlockScanner.BlockBytes
                && JsonBlockScanner.TrySkipBlock(json.Slice(i, JsonBlockScanner.BlockBytes), ref depth, ref inString))
            {
                i += JsonBlockScanner.BlockBytes;
                continue;
            }

            int limit = Math.Min(json.Length, i + JsonBlockScanner.BlockBytes);
            for (; i < limit; i++)
            {
                byte b = json[i];
                if (inString)
                {
                    if (b == (byte)'\\')
                    {
                        i++;
                    }
                    else if (b == (byte)'"')
                    {
                        inString = false;
                    }
                    else if (b == (byte)'\n')
                    {
                        return -1;
                    }
                }
                else if (b == (byte)'"')
                {
                    inString = true;
                }
                else if (b is (byte)'{' or (byte)'[')
                {
                    depth++;
                }
                else if (b is (byte)'}' or (byte)']' && --depth == 0)
                {
                    return i + 1;
                }
            }
        }

        return -1;
    }
}
