using System.Buffers.Text;
using System.Globalization;

namespace NeuronMetrics.Reports;

/// <summary>Core and device indexes ("0", "17") as the canonical decimal strings every stage uses, interned for small ones.</summary>
internal static class IndexNames
{
    /// <summary>Core and device indexes have at most this many digits (bounds what per-index state costs).</summary>
    public const int MaxDigits = 4;

    private static readonly string[] Small = [.. Enumerable.Range(0, 256).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The canonical string of the index <paramref name="digits"/> spell, or "" (and -1) when they are not an index.</summary>
    public static string Parse(ReadOnlySpan<byte> digits, out int index)
    {
        // The usual keys ("0" to "255", no leading zero): their value and interned name without a general parse.
        if (digits.Length is > 0 and <= 3 && (digits.Length == 1 || digits[0] != (byte)'0'))
        {
            int value = 0;
            foreach (byte b in digits)
            {
                uint digit = (uint)(b - '0');
                if (digit > 9)
                {
                    goto General;
                }

                value = (value * 10) + (int)digit;
            }

            if (value < Small.Length)
            {
                index = value;
                return Small[value];
            }
        }

    General:
        if (digits.Length is > 0 and <= MaxDigits && Utf8Parser.TryParse(digits, out index, out int consumed)
            && consumed == digits.Length && index >= 0)
        {
            return Name(index);
        }

        index = -1;
        return "";
    }

    public static string Name(int index) => index < Small.Length ? Small[index] : index.ToString(CultureInfo.InvariantCulture);
}
