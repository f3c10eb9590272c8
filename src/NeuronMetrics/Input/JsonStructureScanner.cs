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
/// what is inside: 64 bytes at a time where possible, the end included (<see cref="JsonBlockScanner"/>),
/// byte by byte around newlines and escapes. Shared by the framer (which cuts documents out of a
/// stream and counts lines) and <see cref="Reports.JsonValueSkipper"/> (which steps over groups
/// nothing reads), so both read the same structure the same way.
/// </summary>
internal struct JsonStructureScanner
{
    /// <summary>Open brackets not yet closed.</summary>
    public int Depth;

    /// <summary>Inside a string.</summary>
    public bool InString;

    /// <summary>After a <see cref="ScanStop.Newline"/> stop: the newline interrupted a string (the line was cut short; the string is left).</summary>
    public bool NewlineInString;

    /// <summary>When set, receives the brackets at depth <see cref="StructureIndex.MaxDepth"/> or less, at positions relative to <see cref="IndexBase"/>.</summary>
    public StructureIndex? Index;

    /// <summary>Where the indexed document starts in the data passed to <see cref="Scan"/>.</summary>
    public int IndexBase;

    /// <summary>
    /// Scans <paramref name="data"/> from <paramref name="position"/> and stops just past the closing
    /// bracket that brings <see cref="Depth"/> to zero, just past a raw newline, or at the end of the
    /// data. With <paramref name="final"/> false, an escape whose next byte is not in the data yet
    /// stops at the backslash, so it is scanned again with more data.
    /// </summary>
    public ScanStop Scan(ReadOnlySpan<byte> data, ref int position, bool final)
    {
        // Locals, not the fields, in the loop: they stay in registers.
        int depth = Depth, at = position;
        bool inString = InString;
        var index = Index;
        var stop = ScanStop.NeedMore;
        while (at < data.Length && stop == ScanStop.NeedMore)
        {
            at = JsonBlockScanner.ScanBlocks(data, at, ref depth, ref inString, index, IndexBase, out bool ended);
            if (ended)
            {
                stop = ScanStop.End;
                break;
            }

            // Byte by byte up to the end of this block: it has a newline or an escape (or is the data's short tail). A
            // plain loop: the gaps between structural bytes here are short, too short for a vectorized search to pay off.
            for (int limit = Math.Min(data.Length, at + JsonBlockScanner.BlockBytes); at < limit; at++)
            {
                byte b = data[at];
                if (b == (byte)'\n')
                {
                    at++;
                    NewlineInString = inString;
                    inString = false; // a raw newline cannot be inside a valid string
                    stop = ScanStop.Newline;
                    break;
                }

                if (inString)
                {
                    if (b == (byte)'"')
                    {
                        inString = false;
                    }
                    else if (b == (byte)'\\')
                    {
                        if (at + 1 == data.Length && !final)
                        {
                            stop = ScanStop.NeedMore; // the escaped byte is not here yet: scan the backslash again
                            goto Done;
                        }

                        if (at + 1 < data.Length && data[at + 1] != (byte)'\n')
                        {
                            at++; // the escaped byte
                        }
                    }
                }
                else if (b == (byte)'"')
                {
                    inString = true;
                }
                else if (b is (byte)'{' or (byte)'[')
                {
                    if (++depth <= StructureIndex.MaxDepth)
                    {
                        index?.Open(at - IndexBase, depth);
                    }
                }
                else if (b is (byte)'}' or (byte)']')
                {
                    if (depth <= StructureIndex.MaxDepth)
                    {
                        index?.Close(at - IndexBase, depth);
                    }

                    if (--depth <= 0)
                    {
                        at++;
                        stop = ScanStop.End;
                        break;
                    }
                }
            }
        }

    Done:
        Depth = depth;
        InString = inString;
        position = at;
        return stop;
    }
}
