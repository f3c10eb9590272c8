using System.Globalization;

namespace NeuronMetrics.CloudWatch.Query;

/// <summary>
/// Formats a double exactly as botocore puts it on the wire, i.e. Python's <c>repr(float)</c>:
/// the shortest round-trip digits, fixed notation when the decimal exponent is in [-4, 16)
/// (integral values keep a ".0", e.g. "100.0", "0.0"), otherwise "1.5e+16" / "1e-05".
/// CloudWatch accepts "100" too; matching botocore keeps our bodies byte-comparable with it.
/// </summary>
internal static class BotocoreDoubleFormat
{
    /// <summary>Enough for "-" + 17 digits + "." + up to 16 padding zeros + ".0", or an exponent form.</summary>
    public const int MaxLength = 40;

    /// <summary>Writes <paramref name="value"/> as ASCII into <paramref name="destination"/>; returns the length.</summary>
    public static int Format(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            // Never sent (the validator drops them); spelled like botocore for completeness.
            var text = double.IsNaN(value) ? "NaN"u8 : value > 0 ? "Infinity"u8 : "-Infinity"u8;
            text.CopyTo(destination);
            return text.Length;
        }

        // .NET Core 3.0+ "R" gives the shortest round-trip digits, like Python's repr; only the layout differs.
        Span<char> raw = stackalloc char[32];
        value.TryFormat(raw, out var rawLength, "R", CultureInfo.InvariantCulture);
        raw = raw[..rawLength];

        var position = 0;
        if (raw[0] == '-')
        {
            destination[position++] = (byte)'-';
            raw = raw[1..];
        }

        var exponent = 0;
        var e = raw.IndexOfAny('E', 'e');
        if (e >= 0)
        {
            exponent = int.Parse(raw[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            raw = raw[..e];
        }

        // Collect significant digits; decimalPoint = digits before the point, so value = 0.DIGITS * 10^decimalPoint.
        Span<byte> digits = stackalloc byte[24];
        var digitCount = 0;
        var decimalPoint = 0;
        var seenPoint = false;
        foreach (var c in raw)
        {
            if (c == '.')
            {
                seenPoint = true;
                continue;
            }

            if (digitCount == 0 && c == '0')
            {
                // Leading zero: before the point it adds nothing, after it shifts the point left.
                if (seenPoint)
                {
                    decimalPoint--;
                }

                continue;
            }

            digits[digitCount++] = (byte)c;
            if (!seenPoint)
            {
                decimalPoint++;
            }
        }

        while (digitCount > 0 && digits[digitCount - 1] == '0')
        {
            digitCount--;
        }

        if (digitCount == 0)
        {
            "0.0"u8.CopyTo(destination[position..]);
            return position + 3;
        }

        decimalPoint += exponent;
        var significant = digits[..digitCount];
        if (decimalPoint is > -4 and <= 16)
        {
            position += WriteFixed(significant, decimalPoint, destination[position..]);
        }
        else
        {
            position += WriteScientific(significant, decimalPoint - 1, destination[position..]);
        }

        return position;
    }

    private static int WriteFixed(ReadOnlySpan<byte> digits, int decimalPoint, Span<byte> destination)
    {
        var position = 0;
        if (decimalPoint <= 0)
        {
            destination[position++] = (byte)'0';
            destination[position++] = (byte)'.';
            for (var i = 0; i < -decimalPoint; i++)
            {
                destination[position++] = (byte)'0';
            }

            digits.CopyTo(destination[position..]);
            return position + digits.Length;
        }

        if (decimalPoint < digits.Length)
        {
            digits[..decimalPoint].CopyTo(destination);
            position = decimalPoint;
            destination[position++] = (byte)'.';
            digits[decimalPoint..].CopyTo(destination[position..]);
            return position + digits.Length - decimalPoint;
        }

        digits.CopyTo(destination);
        position = digits.Length;
        for (var i = digits.Length; i < decimalPoint; i++)
        {
            destination[position++] = (byte)'0';
        }

        destination[position++] = (byte)'.';
        destination[position++] = (byte)'0';
        return position;
    }

    private static int WriteScientific(ReadOnlySpan<byte> digits, int exponent, Span<byte> destination)
    {
        var position = 0;
        destination[position++] = digits[0];
        if (digits.Length > 1)
        {
            destination[position++] = (byte)'.';
            digits[1..].CopyTo(destination[position..]);
            position += digits.Length - 1;
        }

        destination[position++] = (byte)'e';
        destination[position++] = exponent < 0 ? (byte)'-' : (byte)'+';
        var magnitude = Math.Abs(exponent);
        if (magnitude < 10)
        {
            destination[position++] = (byte)'0';
        }

        magnitude.TryFormat(destination[position..], out var written, default, CultureInfo.InvariantCulture);
        return position + written;
    }
}
