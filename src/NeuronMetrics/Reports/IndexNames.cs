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
