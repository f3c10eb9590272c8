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

        int first = i;
        ulong significand = 0;
        while (i < json.Length && (uint)(json[i] - '0') <= 9 && significand < MaxExactSignificand)
        {
            significand = (significand * 10) + (uint)(json[i] - '0');
            i++;
        }

        if (i == first || (i - first > 1 && json[first] == (byte)'0'))
        {
            return false;
        }

        int decimals = 0;
        if (i < json.Length && json[i] == (byte)'.')
        {
            i++;
            int decimalsStart = i;
            while (i < json.Length && (uint)(json[i] - '0') <= 9 && significand < MaxExactSignificand)
            {
                significand = (significand * 10) + (uint)(json[i] - '0');
                i++;
            }

            decimals = i - decimalsStart;
            if (decimals == 0 || decimals >= PowersOf10.Length)
            {
                return false;
            }
        }

        // Stopped by a digit: too long for an exact significand (or an exponent or other byte, left to the caller to judge).
        if (significand > MaxExactSignificand || (i < json.Length && (uint)(json[i] - '0') <= 9))
        {
            return false;
        }

        double magnitude = decimals > 0 ? significand / PowersOf10[decimals] : significand;
        value = negative ? -magnitude : magnitude;
        at = i;
        return true;
    }
}
