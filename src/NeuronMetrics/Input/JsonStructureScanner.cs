using System.Buffers;

namespace NeuronMetrics.Input;

/// <summary>Why <see cref="JsonStructureScanner.Scan"/> stopped.</summary>
internal enum ScanStop
{
    /// <summary>The data ends before the value does (or with an escape whose next byte is not there yet).</summary>
    NeedMore,

    /// <summary>The bracket that closes the value was just passed.</summary>
    End,

    /// <summary>A raw newline was just passed (see <see cref="JsonStructureScanner.NewlineInString"/>).</summary>
    Newline,
}

/// <summary>
/// Follows a JSON value by its structure alone — brackets outside strings — without validating
/// what is inside: 64 bytes at a time where possible (<see cref="JsonBlockScanner"/>), byte by byte
/// around newlines, escapes and the end. Shared by the framer (which cuts documents out of a
/// stream and counts lines) and <see cref="Reports.JsonValueSkipper"/> (which steps over groups
/// nothing reads), so both read the same structure the same way.
/// </summary>
internal struct JsonStructureScanner
{
    private static readonly SearchValues<byte> StructuralBytes = SearchValues.Create("{}[]\"\n"u8);
    private static readonly SearchValues<byte> StringBytes = SearchValues.Create("\"\\\n"u8);

    /// <summary>Open brackets not yet closed.</summary>
    public int Depth;

    /// <summary>Inside a string.</summary>
    public bool InString;

    /// <summary>After a <see cref="ScanStop.Newline"/> stop: the newline interrupted a string (the line was cut short; the string is left).</summary>
    public bool NewlineInString;

    /// <summary>
    /// Scans <paramref name="data"/> from <paramref name="position"/> and stops just past the closing
    /// bracket that brings <see cref="Depth"/> to zero, just past a raw newline, or at the end of the
    /// data. With <paramref name="final"/> false, an escape whose next byte is not in the data yet
    /// stops at the backslash, so it is scanned again with more data.
    /// </summary>
    public ScanStop Scan(ReadOnlySpan<byte> data, ref int position, bool final)
    {
        while (position < data.Length)
        {
            if (data.Length - position >= JsonBlockScanner.BlockBytes
                && JsonBlockScanner.TrySkipBlock(data.Slice(position, JsonBlockScanner.BlockBytes), ref Depth, ref InString))
            {
                position += JsonBlockScanner.BlockBytes;
                continue;
            }

            // Byte by byte up to the end of this block: it has a newline, an escape, or may end the value.
            int limit = Math.Min(data.Length, position + JsonBlockScanner.BlockBytes);
            int i = data[position..limit].IndexOfAny(InString ? StringBytes : StructuralBytes);
            if (i < 0)
            {
                position = limit;
                continue;
            }

            int at = position + i;
            byte b = data[at];
            position = at + 1;
            if (b == (byte)'\n')
            {
                NewlineInString = InString;
                InString = false; // a raw newline cannot be inside a valid string
                return ScanStop.Newline;
            }

            if (InString)
            {
                if (b == (byte)'"')
                {
                    InString = false;
                }
                else if (position == data.Length && !final)
                {
                    position = at; // the escaped byte is not here yet
                    return ScanStop.NeedMore;
                }
                else if (position < data.Length && data[position] != (byte)'\n')
                {
                    position++; // the escaped byte
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    InString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    Depth++;
                    break;
                default: // '}' or ']'
                    if (--Depth <= 0)
                    {
                        return ScanStop.End;
                    }

                    break;
            }
        }

        return ScanStop.NeedMore;
    }
}
