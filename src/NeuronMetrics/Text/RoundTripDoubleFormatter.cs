using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NeuronMetrics.Text;

/// <summary>
/// The text of a double exactly as <c>ToString("R")</c> writes it (the shortest that parses back to the same
/// value), with a fast path for what reports hold: integers and decimals of at most 15 significant digits
/// between 1E-4 and 1E+15 (see <see cref="ShortDecimal"/>); anything else goes to the runtime's formatter.
/// <see cref="Length"/> gives the length without writing, for request sizing.
/// </summary>
public static class RoundTripDoubleFormatter
{
    /// <summary>Longest "R" text of a double: "-1.7976931348623157E+308" is 24 characters.</summary>
    public const int MaxLength = 32;

    /// <summary>Writes the text into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes) and returns its length.</summary>
    public static int Format(double value, Span<byte> destination)
    {
        if (ShortDecimal.TryFind(value, out ulong digits, out int decimals))
        {
            int sign = 0;
            if (value < 0)
            {
                destination[0] = (byte)'-';
                sign = 1;
            }

            return sign + WriteDigits(digits, decimals, destination[sign..]);
        }

        if (value == 0 && !double.IsNegative(value))
        {
            destination[0] = (byte)'0';
            return 1;
        }

        value.TryFormat(destination, out int written, "R", CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>The length <see cref="Format"/> returns, without writing the digits when the fast path applies.</summary>
    public static int Length(double value)
    {
        if (TryLength(value, out int length))
        {
            return length;
        }

        Span<byte> text = stackalloc byte[MaxLength];
        return Format(value, text);
    }

    /// <summary>
    /// The length <see cref="Format"/> returns, computed without writing, for the values of the fast path (their text
    /// is digits with at most a sign and a point); false for the others.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryLength(double value, out int length)
    {
        if (!ShortDecimal.TryFind(value, out ulong digits, out int decimals))
        {
            length = 0;
            return false;
        }

        int sign = value < 0 ? 1 : 0;
        length = decimals == 0 ? sign + CountDigits(digits) : sign + Math.Max(CountDigits(digits), decimals + 1) + 1;
        return true;
    }

    /// <summary>Decimal digits of <paramref name="value"/> (zero has one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountDigits(ulong value)
    {
        // The digit count from the bit length (log10(2) ≈ 1233/4096), corrected by one comparison.
        int estimate = ((64 - BitOperations.LeadingZeroCount(value | 1)) * 1233) >> 12;
        return estimate + ((value | 1) >= ShortDecimal.PowerOf10(estimate) ? 1 : 0); // | 1: zero has one digit
    }

    /// <summary>Writes <paramref name="digits"/> with a point <paramref name="decimals"/> places from the right ("0." and zeros in front when needed).</summary>
    private static int WriteDigits(ulong digits, int decimals, Span<byte> destination)
    {
        // Counts and most integer values have one or two digits: no digit count, no loop.
        if (decimals == 0 && digits < 100)
        {
            if (digits < 10)
            {
                destination[0] = (byte)('0' + (int)digits);
                return 1;
            }

            int pair = (int)digits * 2;
            destination[1] = DigitPairs[pair + 1];
            destination[0] = DigitPairs[pair];
            return 2;
        }

        int count = Math.Max(CountDigits(digits), decimals + 1);
        int length = decimals == 0 ? count : count + 1;
        var text = destination[..length];
        int at = length;
        if (decimals > 0)
        {
            at = WriteBackwards(ref digits, decimals, text, at);
            text[--at] = (byte)'.';
        }

        WriteBackwards(ref digits, at, text, at);
        return length;
    }

    /// <summary>
    /// Writes the low <paramref name="count"/> digits of <paramref name="digits"/> (zeros when it runs out) to end at
    /// <paramref name="end"/>, two at a time from a table; removes them from <paramref name="digits"/>. Returns where they start.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteBackwards(ref ulong digits, int count, Span<byte> text, int end)
    {
        ReadOnlySpan<byte> pairs = DigitPairs;
        for (; count >= 2; count -= 2)
        {
            ulong quotient = digits / 100;
            int pair = (int)(digits - (quotient * 100)) * 2;
            text[--end] = pairs[pair + 1];
            text[--end] = pairs[pair];
            digits = quotient;
        }

        if (count == 1)
        {
            ulong quotient = digits / 10;
            text[--end] = (byte)('0' + (int)(digits - (quotient * 10)));
            digits = quotient;
        }

        return end;
    }

    private static ReadOnlySpan<byte> DigitPairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;
}
