using System.Numerics;
using System.Runtime.CompilerServices;

namespace NeuronMetrics.Mapping;

/// <summary>
/// Up to eight ASCII digits at once (SWAR on the eight bytes read little-endian, the first byte lowest): how many the
/// bytes start with, and their value. Used by <see cref="PlainNumber"/>, whose numbers are mostly 1 to 9 digits long.
/// </summary>
internal static class EightDigits
{
    private const ulong HighNibbles = 0xF0F0F0F0F0F0F0F0;
    private const ulong Threes = 0x3030303030303030;
    private const ulong LowSeven = 0x7F7F7F7F7F7F7F7F;
    private const ulong High = 0x8080808080808080;

    /// <summary>How many digits <paramref name="bytes"/> starts with (0 to 8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Count(ulong bytes)
    {
        // A byte is a digit when its high nibble is 3 and adding 6 keeps it so (0x3A-0x3F become 0x40-0x45). A carry out
        // of a byte only reaches later bytes, past the first non-digit, which is all that is needed.
        ulong other = ((bytes & HighNibbles) ^ Threes) | (((bytes + 0x0606060606060606) & HighNibbles) ^ Threes);
        ulong flags = (((other & LowSeven) + LowSeven) | other) & High; // the top bit of each non-zero byte
        return flags == 0 ? 8 : BitOperations.TrailingZeroCount(flags) >> 3;
    }

    /// <summary>The value of the first <paramref name="count"/> (1 to 8) bytes of <paramref name="bytes"/>, all digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Value(ulong bytes, int count)
    {
        // The digits moved to the top: the bytes shifted in are zeros, read as leading zero digits. Then pairs, quads and
        // the eight combined by multiplications (the known SWAR parse of eight digits).
        ulong x = bytes << (8 * (8 - count));
        x = ((x & 0x0F0F0F0F0F0F0F0F) * 2561) >> 8;
        x = ((x & 0x00FF00FF00FF00FF) * 6553601) >> 16;
        return (uint)(((x & 0x0000FFFF0000FFFF) * 42949672960001) >> 32);
    }
}
