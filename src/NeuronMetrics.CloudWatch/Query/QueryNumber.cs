using System.Globalization;
using NeuronMetrics.Text;

namespace NeuronMetrics.CloudWatch.Query;

/// <summary>
/// Numbers as a query body holds them: the shortest text that parses back to the same double ("R": "100",
/// "0.30000000000000004", "1E+16"), with the exponent sign escaped ("1E%2B16": a raw '+' means space); the service
/// reads any such spelling, so no effort goes into matching another SDK's layout. <see cref="Length"/> gives the
/// same length without writing, so the batcher sizes requests without formatting every double.
/// </summary>
internal static class QueryNumber
{
    /// <summary>Room for a double's text with its exponent sign escaped (two more bytes).</summary>
    public const int MaxLength = RoundTripDoubleFormatter.MaxLength + 2;

    /// <summary>"{prefix}{index}={value}" of a list entry: at most 64 bytes of prefix, an int, '=' and a number.</summary>
    public const int MaxListEntryLength = 64 + 11 + 1 + MaxLength;

    /// <summary>Writes the text into <paramref name="destination"/> (room for <see cref="MaxLength"/>); returns its length.</summary>
    public static int Format(double value, Span<byte> destination)
    {
        var length = RoundTripDoubleFormatter.Format(value, destination);
        var plus = destination[..length].IndexOf((byte)'+');
        if (plus < 0)
        {
            return length;
        }

        // "E+" is followed by at most three digits: shift them right by two and write "%2B" over the '+'.
        destination[(plus + 1)..length].CopyTo(destination[(plus + 3)..]);
        "%2B"u8.CopyTo(destination[plus..]);
        return length + 2;
    }

    /// <summary>The length <see cref="Format"/> returns.</summary>
    public static int Length(double value)
    {
        // The fast path's texts have no exponent, so nothing to escape; others are rare: format them.
        if (RoundTripDoubleFormatter.TryLength(value, out int length))
        {
            return length;
        }

        Span<byte> text = stackalloc byte[MaxLength];
        return Format(value, text);
    }

    /// <summary>Completes a list entry after its <paramref name="prefix"/> bytes: "{index}={value}"; returns the entry's length.</summary>
    public static int FormatListEntry(Span<byte> entry, int prefix, int index, double value)
    {
        index.TryFormat(entry[prefix..], out var written, default, CultureInfo.InvariantCulture);
        var position = prefix + written;
        entry[position++] = (byte)'=';
        return position + Format(value, entry[position..]);
    }

    /// <summary>The length <see cref="FormatListEntry"/> returns.</summary>
    public static int ListEntryLength(int prefix, int index, double value) =>
        prefix + RoundTripDoubleFormatter.CountDigits((ulong)index) + 1 + Length(value);
}
