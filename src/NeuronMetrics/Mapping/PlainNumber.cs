using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace NeuronMetrics.Mapping;

/// <summary>
/// The JSON numbers the byte-level fast paths read: -?(0|[1-9][0-9]*)(.[0-9]+)?, no exponent, with a significand below
/// 2^53 and at most 22 decimals. Validated and converted in one pass; the conversion is exact for the same reason as
/// <see cref="Text.DecimalNumberParser"/>'s (an exact significand divided by an exact power of ten).
/// </summary>
internal static class PlainNumber
{
    private const ulong MaxExactSignificand = 1UL << 53;

    private static ReadOnlySpan<double> PowersOf10 =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    private static ReadOnlySpan<ulong> WholePowersOf10 => [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000];

    /// <summary>The largest significand that <c>count</c> more digits can follow and stay at most 2^53: 2^53 / 10^count.</summary>
    private static ReadOnlySpan<ulong> MaxBeforeDigits =>
    [
        MaxExactSignificand, MaxExactSignificand / 10, MaxExactSignificand / 100, MaxExactSignificand / 1000,
        MaxExactSignificand / 10000, MaxExactSignificand / 100000, MaxExactSignificand / 1000000,
        MaxExactSignificand / 10000000, MaxExactSignificand / 100000000,
    ];

    /// <summary>With <paramref name="at"/> on a number: true, its value, and <paramref name="at"/> just past it; false when it is not of this shape.</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, ref int at, out double value)
    {
        value = 0;
        int i = at;
        bool negative = i < json.Length && json[i] == (byte)'-';
        if (negative)
        {
            i++;
        }

        ulong significand = 0;
        if (i < json.Length && json[i] == (byte)'0')
        {
            // A zero integer part, the most common number of all: nothing to convert. No digit may follow it.
            if (++i < json.Length && (uint)(json[i] - '0') <= 9)
            {
                return false;
            }
        }
        else
        {
            int first = i;
            if (!TryDigits(json, ref i, ref significand) || i == first)
            {
                return false;
            }
        }

        int decimals = 0;
        if (i < json.Length && json[i] == (byte)'.')
        {
            i++;
            int decimalsStart = i;
            if (!TryDigits(json, ref i, ref significand))
            {
                return false;
            }

            decimals = i - decimalsStart;
            if (decimals == 0 || decimals >= PowersOf10.Length)
            {
                return false;
            }
        }

        // What follows (an exponent or any other byte) is left to the caller to judge.
        double magnitude = (long)significand; // at most 2^53: a signed conversion, one instruction
        if (decimals > 0)
        {
            magnitude /= PowersOf10[decimals];
        }

        value = negative ? -magnitude : magnitude;
        at = i;
        return true;
    }

    /// <summary>
    /// Appends the digits at <paramref name="i"/> to <paramref name="significand"/>, up to eight at a time, and moves past
    /// them; false when the significand would pass 2^53 (too long to be exact).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // the caller's position and significand stay in registers
    private static bool TryDigits(ReadOnlySpan<byte> json, ref int i, ref ulong significand)
    {
        while (true)
        {
            int count;
            uint chunk;
            if (json.Length - i >= sizeof(ulong))
            {
                ulong bytes = BinaryPrimitives.ReadUInt64LittleEndian(json[i..]);
                count = EightDigits.Count(bytes);
                if (count == 0)
                {
                    return true;
                }

                chunk = EightDigits.Value(bytes, count);
            }
            else
            {
                // The last few bytes of the data: one at a time.
                count = 0;
                chunk = 0;
                while (i + count < json.Length && count < sizeof(ulong) && (uint)(json[i + count] - '0') <= 9)
                {
                    chunk = (chunk * 10) + (uint)(json[i + count] - '0');
                    count++;
                }

                if (count == 0)
                {
                    return true;
                }
            }

            // significand * 10^count + chunk ≤ 2^53, checked without overflowing.
            if (significand > MaxBeforeDigits[count])
            {
                return false;
            }

            significand = (significand * WholePowersOf10[count]) + chunk;
            if (significand > MaxExactSignificand)
            {
                return false;
            }

            i += count;
            if (count < sizeof(ulong))
            {
                return true;
            }
        }
    }
}
