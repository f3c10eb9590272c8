using System.Runtime.CompilerServices;

namespace NeuronMetrics.Text;

/// <summary>
/// The shortest round-trip digits of a double that is an integer or a decimal of at most 15 significant digits
/// between 1E-4 and 1E+15 (what reports hold), found with one multiplication and one division.
/// <para>
/// Why one try is enough: with K decimals such that |v|·10^K has 15 integer digits, K-decimal numbers are more than
/// 10^-15·|v| apart, more than the ≤ 2^-52·|v| wide interval of reals that round to v; so at most one of them,
/// M/10^K, reads back as v, and every shorter decimal that does is M/10^K with trailing zeros. M/10^K reads back as
/// v exactly when the IEEE division M / 10^K (both exact doubles, correctly rounded: what parsing the text gives)
/// equals v. M is round(v·10^K): the product's rounding error (≤ 1/16 below 2^50) and the distance of any
/// round-tripping M (≤ 0.11) stay under one half, so when some shorter decimal round-trips, this M is it.
/// </para>
/// </summary>
internal static class ShortDecimal
{
    /// <summary>Significant digits covered: below 2^53 and, as shown above, unique.</summary>
    private const int MaxDigits = 15;

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

    public static ulong PowerOf10(int exponent) => PowersOf10Integer[exponent];

    /// <summary>
    /// The digits of |<paramref name="value"/>| and how many of them are decimals, when the value is in the fast range;
    /// false otherwise (zero included: "R" writes "-0" for negative zero).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // hot: every number of every request, twice (sizing, output)
    public static bool TryFind(double value, out ulong digits, out int decimals)
    {
        double magnitude = Math.Abs(value);
        if (!(magnitude >= 1e-4 && magnitude < 1e15)) // NaN too
        {
            digits = 0;
            decimals = 0;
            return false;
        }

        long integer = (long)magnitude; // below 1E+15: exact, truncated
        if (magnitude == integer)
        {
            digits = (ulong)integer;
            decimals = 0;
            return true;
        }

        decimals = MaxDigits + LeadingZeros(magnitude) - (integer == 0 ? 0 : RoundTripDoubleFormatter.CountDigits((ulong)integer));
        double scale = PowersOf10[decimals];
        double scaled = RoundToInteger(magnitude * scale);
        if (decimals == 0 || scaled / scale != magnitude)
        {
            digits = 0;
            return false;
        }

        digits = (ulong)(long)scaled;
        StripTrailingZeros(ref digits, ref decimals);
        return true;
    }

    /// <summary>Drops trailing zeros of the decimals (at most 17: the value is not an integer, so one decimal stays).</summary>
    private static void StripTrailingZeros(ref ulong digits, ref int decimals)
    {
        if (digits % 10000000000000000 == 0)
        {
            digits /= 10000000000000000;
            decimals -= 16;
        }

        if (digits % 100000000 == 0)
        {
            digits /= 100000000;
            decimals -= 8;
        }

        if (digits % 10000 == 0)
        {
            digits /= 10000;
            decimals -= 4;
        }

        if (digits % 100 == 0)
        {
            digits /= 100;
            decimals -= 2;
        }

        if (digits % 10 == 0)
        {
            digits /= 10;
            decimals--;
        }
    }

    /// <summary>Zeros between the point and the first significant digit (0.0012: 2); they do not count as significant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LeadingZeros(double magnitude) => magnitude >= 0.1 ? 0 : magnitude >= 0.01 ? 1 : magnitude >= 0.001 ? 2 : 3;

    /// <summary>
    /// <see cref="Math.Round(double)"/> (to even) for 0 ≤ x &lt; 2^52, inline: adding 2^52 leaves no bits for a fraction,
    /// so the addition itself rounds (to nearest, ties to even); the subtraction is exact. The scaled values stay below 1E+15.
    /// </summary>
    private static double RoundToInteger(double x) => (x + TwoTo52) - TwoTo52;
}
