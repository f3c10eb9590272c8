using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NeuronMetrics.Mapping;

/// <summary>
/// The property names the byte-level fast paths read: printable ASCII with no quote or backslash, so the raw bytes are
/// the name (nothing to unescape) and compare as the token reader's <c>ValueTextEquals</c> would.
/// </summary>
internal static class PlainName
{
    private const ulong Ones = 0x0101010101010101;
    private const ulong High = 0x8080808080808080;

    /// <summary>With <paramref name="at"/> on a name's opening quote: true, the name's bytes and <paramref name="at"/> past its colon.</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, ref int at, out Range name)
    {
        name = default;
        if (at >= json.Length || json[at] != (byte)'"')
        {
            return false;
        }

        int nameStart = at + 1;
        int end = nameStart;
        while (end + sizeof(ulong) <= json.Length)
        {
            // Eight bytes at a time (SWAR): the first quote, and whether anything not allowed comes before it.
            ulong x = BinaryPrimitives.ReadUInt64LittleEndian(json[end..]);
            ulong quotes = ZeroBytes(x ^ (Ones * '"'));
            ulong bad = ZeroBytes(x ^ (Ones * '\\')) | ((x - (Ones * 0x20)) & ~x & High) | (((x + Ones) | x) & High); // a backslash, < 0x20, ≥ 0x7F
            if (quotes == 0)
            {
                if (bad != 0)
                {
                    return false; // an escape, a control or non-ASCII byte: left to the reader
                }

                end += sizeof(ulong);
                continue;
            }

            // Each mask's lowest flagged byte is exact (false flags only come above a true one).
            ulong quote = quotes & (0 - quotes);
            if ((bad & (quote - 1)) != 0)
            {
                return false;
            }

            end += BitOperations.TrailingZeroCount(quote) >> 3;
            goto Found;
        }

        while (true)
        {
            if (end >= json.Length)
            {
                return false; // no end: left to the reader
            }

            byte b = json[end];
            if (b == (byte)'"')
            {
                break;
            }

            if ((uint)(b - 0x20) > 0x7E - 0x20 || b == (byte)'\\')
            {
                return false; // an escape, a control or non-ASCII byte: left to the reader
            }

            end++;
        }

    Found:
        int length = end - nameStart;
        if (length == 0)
        {
            return false; // an empty name: left to the reader
        }

        int colon = nameStart + length;
        if (!json[colon..].StartsWith("\":"u8))
        {
            return false;
        }

        name = new Range(nameStart, colon);
        at = colon + 2;
        return true;
    }

    /// <summary>
    /// As <see cref="TryRead"/>, first trying the bytes of a name already read from the same data (<paramref name="like"/>,
    /// from this method or <see cref="TryRead"/>): when they repeat here, quotes and colon included, the name is that one
    /// without checking its bytes again. Objects that repeat their names (per core, per device) pay one compare each.
    /// </summary>
    public static bool TryReadLike(ReadOnlySpan<byte> json, ref int at, Range like, out Range name)
    {
        int start = like.Start.Value, length = like.End.Value - start;
        if (start >= 1 && json.Length - at >= length + 3 && json.Length - start >= length + 2
            && json.Slice(at, length + 3).SequenceEqual(json.Slice(start - 1, length + 3)))
        {
            name = new Range(at + 1, at + 1 + length);
            at += length + 3;
            return true;
        }

        return TryRead(json, ref at, out name);
    }

    /// <summary>The top bit of each zero byte of <paramref name="x"/> (exact up to the first; a byte after a zero one may be flagged too).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ZeroBytes(ulong x) => (x - Ones) & ~x & High;
}
