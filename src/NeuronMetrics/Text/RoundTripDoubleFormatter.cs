using System.Globalization;
using System.Numerics;

namespace NeuronMetrics.Text;

/// <summary>
/// The text of a double exactly as <c>ToString("R")</c> writes it (the shortest that parses back to the same
/// value), with a fast path for what reports hold: integers and decimals of at most 15 significant digits
/// between 1E-4 and 1E+15. There the shortest text is the first number of decimals whose rounded scaled
/// value divides back to the same double (the check is exact: both operands are exact doubles and the
/// division is correctly rounded); anything else goes to the runtime's formatter.
/// </summary>
public static class RoundTripDoubleFormatter
{
    /// <summary>Longest "R" text of a double: "-1.7976931348623157E+308" is 24 characters.</summary>
    public const int MaxLength = 32;

    /// <summary>Up to 15 significant digits the scaled value is an exact integer below 2^53 and unique (see the class summary).</summary>
    private const int MaxFastDigits = 15;

    private const double TwoTo52 = 4503599627370496.0;

    private static ReadOnlySpan<ulong> PowersOf10Integer =>
    [
        1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000, 100000000000,
        1000000000000, 10000000000000, 100000000000000, 1000000000000000, 10000000000000000, 100000000000000000,
        1000000000000000000, 10000000000000000000,
    ];

    private static ReadOnlySpan<double> PowersOf10 =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    ];

    /// <summary>Writes the text into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes) and returns its length.</summary>
    public static int Format(double value, Span<byte> destination)
    {
        double magnitude = Math.Abs(value);
        if (magnitude is >= 1e-4 and < 1e15)
        {
            int sign = 0;
            if (value < 0)
            {
                destination[0] = (byte)'-';
                sign = 1;
            }

            long integer = (long)magnitude; // below 1E+15: exact, truncated
            if (magnitude == integer)
            {
                return sign + WriteDigits((ulong)integer, 0, destination[sign..]);
            }

            int maxDecimals = MaxFastDigits + LeadingZeros(magnitude) - (integer == 0 ? 0 : CountDigits((ulong)integer));
            for (int decimals = 1; decimals <= maxDecimals; decimals++)
            {
                double scale = PowersOf10[decimals];
                double scaled = RoundToInteger(magnitude * scale);
                if (scaled / scale == magnitude)
                {
                    return sign + WriteDigits((ulong)(long)scaled, decimals, destination[sign..]);
                }
            }
        }
        else if (value == 0 && !double.IsNegative(value))
        {
            destination[0] = (byte)'0';
            return 1;
        }

        value.TryFormat(destination, out int written, "R", CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>Zeros between the point and the first significant digit (0.0012: 2); they do not count as significant.</summary>
    private static int LeadingZeros(double magnitude) => magnitude >= 0.1 ? 0 : magnitude >= 0.01 ? 1 : magnitude >= 0.001 ? 2 : 3;

    /// <summary>
    /// <see cref="Math.Round(double)"/> (to even) for 0 ≤ x &lt; 2^52, inline: adding 2^52 leaves no bits for a fraction,
    /// so the addition itself rounds (to nearest, ties to even); the subtraction is exact. The scaled values stay below 1E+15.
    /// </summary>
    private static double RoundToInteger(double x) => (x + TwoTo52) - TwoTo52;

    private static int CountDigits(ulong value)
    {
        // The digit count from the bit length (log10(2) ≈ 1233/4096), corrected by one comparison.
        int estimate = ((64 - BitOperations.LeadingZeroCount(value | 1)) * 1233) >> 12;
        return estimate + ((value | 1) >= PowersOf10Integer[estimate] ? 1 : 0); // | 1: zero has one digit
    }

    /// <summary>Writes <paramref name="digits"/> with a point <paramref name="decimals"/> places from the right ("0." and zeros in front when needed).</summary>
    private static int WriteDigits(ulong digits, int decimals, Span<byte> destination)
    {
        int count = Math.Max(CountDigits(digits), decimals + 1);
        int length = decimals == 0 ? count : count + 1;
        var text = destination[..length];
        int at = length;
        if (decimals > 0)
        {
            for (int place = 0; place < decimals; place++)
            {
                ulong quotient = digits / 10;
                text[--at] = (byte)('0' + (int)(digits - (quotient * 10)));
                digits = quotient;
            }

            text[--at] = (byte)'.';
            count -= decimals;
        }

        // Most integer parts fit 32 bits, where dividing by ten is cheaper.
        while (count > 0 && digits > uint.MaxValue)
        {
            ulong quotient = digits / 10;
            text[--at] = (byte)('0' + (int)(digits - (quotient * 10)));
            digits = quotient;
            count--;
        }

        for (uint small = (uint)digits; count > 0; count--)
        {
            uint quotient = small / 10;
            text[--at] = (byte)('0' + (int)(small - (quotient * 10)));
            small = quotient;
        }

        return length;
    }
}
