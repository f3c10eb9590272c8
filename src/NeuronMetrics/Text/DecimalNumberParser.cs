namespace NeuronMetrics.Text;

/// <summary>
/// The fast path for the numbers reports hold (<c>42</c>, <c>-3</c>, <c>11.799649</c>): at most 19 digits making a
/// significand below 2^53, at most 22 decimals, no exponent. Both the significand and the power of ten are exact doubles,
/// and a division of exact doubles is correctly rounded: the same value as a full parse. Anything else (exponents, long
/// significands) is left to the caller's full parser.
/// </summary>
public static class DecimalNumberParser
{
    private const ulong MaxExactSignificand = 1UL << 53;
    private const int MaxDigits = 19;

    private static ReadOnlySpan<double> PowersOf10 =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    /// <summary>Parses a JSON number already validated by its reader; false when its shape is not one of the fast ones.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        int at = 0;
        bool negative = text.Length > 0 && text[0] == (byte)'-';
        if (negative)
        {
            at = 1;
        }

        ulong significand = 0;
        int digits = 0, decimals = -1;
        bool seen = false;
        for (; at < text.Length; at++)
        {
            uint digit = (uint)(text[at] - '0');
            if (digit <= 9)
            {
                significand = (significand * 10) + digit;
                digits += significand == 0 ? 0 : 1; // leading zeros cannot overflow
                seen = true;
                if (decimals >= 0)
                {
                    decimals++;
                }
            }
            else if (text[at] == (byte)'.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                value = 0;
                return false; // an exponent, or not a number
            }
        }

        if (!seen || digits > MaxDigits || significand > MaxExactSignificand || decimals >= PowersOf10.Length)
        {
            value = 0;
            return false;
        }

        double magnitude = decimals > 0 ? significand / PowersOf10[decimals] : significand;
        value = negative ? -magnitude : magnitude;
        return true;
    }
}
