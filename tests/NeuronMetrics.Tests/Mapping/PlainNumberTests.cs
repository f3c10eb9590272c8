using System.Globalization;
using System.Text;
using NeuronMetrics.Mapping;

namespace NeuronMetrics.Tests.Mapping;

public sealed class PlainNumberTests
{
    [Theory]
    [InlineData("0}", 0.0, 1)]
    [InlineData("-0,", -0.0, 2)]
    [InlineData("11.799649}", 11.799649, 9)]
    [InlineData("100754945,", 100754945.0, 9)]
    [InlineData("9007199254740992}", 9007199254740992.0, 16)]
    [InlineData("0.0000000000000000000001", 1e-22, 24)]
    [InlineData("1e5", 1.0, 1)]
    public void TryRead_PlainNumbers_ValueAndEnd(string text, double expected, int end)
    {
        int at = 0;

        PlainNumber.TryRead(Encoding.ASCII.GetBytes(text), ref at, out double value).Should().BeTrue();

        (BitConverter.DoubleToInt64Bits(value), at).Should().Be((BitConverter.DoubleToInt64Bits(expected), end));
    }

    [Theory]
    [InlineData("01")]
    [InlineData("-")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("9007199254740993")]
    [InlineData("123456789012345678901")]
    [InlineData("0.00000000000000000000001")]
    [InlineData("")]
    public void TryRead_OtherShapes_False(string text)
    {
        int at = 0;

        PlainNumber.TryRead(Encoding.ASCII.GetBytes(text), ref at, out _).Should().BeFalse();

        at.Should().Be(0);
    }

    [Fact]
    public void TryRead_RandomDecimals_SameDoubleAsTheFullParse()
    {
        var random = new Random(23);
        for (int i = 0; i < 100_000; i++)
        {
            string text = random.NextInt64(0, 1L << random.Next(1, 54)).ToString(CultureInfo.InvariantCulture);
            int decimals = random.Next(0, Math.Min(text.Length, 12));
            if (decimals > 0)
            {
                text = text.PadLeft(decimals + 1, '0');
                text = text[..^decimals] + "." + text[^decimals..];
            }

            int at = 0;
            PlainNumber.TryRead(Encoding.ASCII.GetBytes(text), ref at, out double value).Should().BeTrue(text);
            value.Should().Be(double.Parse(text, CultureInfo.InvariantCulture), text);
        }
    }

    [Fact]
    public void TryRead_RandomShapesAtEveryDistanceFromTheEnd_SameAsDigitByDigit()
    {
        // Eight digits at a time against the digit-by-digit rule: lengths around 8 and 16, leading zeros, fractions, the
        // 2^53 limit, what follows, and the data ending anywhere inside or just after the number.
        var random = new Random(31);
        string[] tails = ["", ",", "}", "e5", "x", "-", "."];
        for (int i = 0; i < 200_000; i++)
        {
            var text = new StringBuilder();
            if (random.Next(8) == 0)
            {
                text.Append('-');
            }

            text.Append(Digits(random, random.Next(0, 20)));
            if (random.Next(3) == 0)
            {
                text.Append('.').Append(Digits(random, random.Next(0, 26)));
            }

            text.Append(tails[random.Next(tails.Length)]);
            byte[] json = Encoding.ASCII.GetBytes(text.ToString());
            int length = random.Next(2) == 0 ? json.Length : random.Next(0, json.Length + 1);
            var data = json.AsSpan(0, length);
            int at = 0, expectedAt = 0;

            bool read = PlainNumber.TryRead(data, ref at, out double value);

            bool expected = Reference(data, ref expectedAt, out double expectedValue);
            (read, at, BitConverter.DoubleToInt64Bits(value)).Should().Be((expected, expectedAt, BitConverter.DoubleToInt64Bits(expectedValue)), Encoding.ASCII.GetString(data));
        }
    }

    private static string Digits(Random random, int count)
    {
        var digits = new char[count];
        for (int i = 0; i < count; i++)
        {
            digits[i] = random.Next(4) == 0 ? '0' : (char)('0' + random.Next(10));
        }

        return new string(digits);
    }

    /// <summary>The rule, one digit at a time (the implementation before the eight-digit steps).</summary>
    private static bool Reference(ReadOnlySpan<byte> json, ref int at, out double value)
    {
        const ulong max = 1UL << 53;
        value = 0;
        int i = at;
        bool negative = i < json.Length && json[i] == (byte)'-';
        if (negative)
        {
            i++;
        }

        int first = i;
        ulong significand = 0;
        while (i < json.Length && (uint)(json[i] - '0') <= 9 && significand < max)
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
            while (i < json.Length && (uint)(json[i] - '0') <= 9 && significand < max)
            {
                significand = (significand * 10) + (uint)(json[i] - '0');
                i++;
            }

            decimals = i - decimalsStart;
            if (decimals == 0 || decimals >= 23)
            {
                return false;
            }
        }

        if (significand > max || (i < json.Length && (uint)(json[i] - '0') <= 9))
        {
            return false;
        }

        double magnitude = decimals > 0 ? significand / Math.Pow(10, decimals) : significand;
        value = negative ? -magnitude : magnitude;
        at = i;
        return true;
    }
}
