using System.Globalization;

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

            if (magnitude == Math.Floor(magnitude))
            {
                return sign + WriteDigits((ulong)magnitude, 0, destination[sign..]);
            }

            int integerDigits = magnitude < 1 ? 0 : CountDigits((ulong)magnitude);
            for (int decimals = 1; integerDigits + decimals <= MaxFastDigits + LeadingZeros(magnitude); decimals++)
            {
                double scale = PowersOf10[decimals];
                double scaled = Math.Round(magnitude * scale);
                if (scaled / scale == magnitude)
                {
                    return sign + WriteDigits((ulong)scaled, decimals, destination[sign..]);
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

    private static int CountDigits(ulong value)
    {
        int digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    /// <summary>Writes <paramref name="digits"/> with a point <paramref name="decimals"/> places from the right ("0." and zeros in front when needed).</summary>
    private static int WriteDigits(ulong digits, int decimals, Span<byte> destination)
    {
        int count = Math.Max(CountDigits(digits), decimals + 1);
        int length = decimals == 0 ? count : count + 1;
        int at = length;
        for (int place = 0; place < count; place++)
        {
            if (place == decimals && decimals > 0)
            {
                destination[--at] = (byte)'.';
            }

            destination[--at] = (byte)('0' + (int)(digits % 10));
            digits /= 10;
        }

        return length;
    }
}
