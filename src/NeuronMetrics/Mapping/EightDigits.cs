using System.Numerics;
using System.Runtime.CompilerServices;

namespace NeuronMetrics.Mapping;

/// <summary>
/// Up to eight ASCII digits at once (SWAR on the eight bytes read little-endian, the first byte lowest): how many the
/// bytes start with, and their value. Used by <see cref="PlainNumber"/>, whose numbers are mostly 1 to 9 digits long.
/// </summary>
internal static class EightDigits
{
    private const ulong Zeros = 0x3030303030303030; // '0' in each byte
    private const ulong High = 0x8080808080808080;

    /// <summary>How many digits <paramref name="bytes"/> starts with (0 to 8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Count(ulong bytes)
    {
        // Each byte minus '0' is a digit's value when below 10: adding 0x76 then sets its top bit for 10 and up, and the
        // top bit is already set for bytes below '0'. Borrows and carries between bytes only reach later bytes, past
        // the first non-digit, which is all that is needed.
        ulong values = bytes - Zeros;
        ulong flags = (values | (values + 0x7676767676767676)) & High;
        return flags == 0 ? 8 : BitOperations.TrailingZeroCount(flags) >> 3;
    }

    /// <summary>The value of the first <paramref name="count"/> (1 to 8) bytes of <paramref name="bytes"/>, all digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Value(ulong bytes, int count)
    {
        // The digits' values moved to the top: the bytes shifted in are zeros, read as leading zero digits. Then pairs,
        // quads and the eight combined by multiplications (the known SWAR parse of eight digits).
        ulong x = (bytes - Zeros) << (8 * (8 - count));
        x = (x * 2561) >> 8;
        x = ((x & 0x00FF00FF00FF00FF) * 6553601) >> 16;
        return (uint)(((x & 0x0000FFFF0000FFFF) * 42949672960001) >> 32);
    }
}
