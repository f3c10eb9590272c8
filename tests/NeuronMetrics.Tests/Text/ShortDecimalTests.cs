using System.Globalization;
using System.Text;
using NeuronMetrics.Text;

namespace NeuronMetrics.Tests.Text;

/// <summary>
/// The one-try fast path (<see cref="ShortDecimal"/>) and the length without writing
/// (<see cref="RoundTripDoubleFormatter.Length"/>) against the runtime's "R" text, on millions of values.
/// </summary>
public sealed class ShortDecimalTests
{
    private static readonly double[] Boundaries =
    [
        1e-4, Math.BitDecrement(1e-4), Math.BitIncrement(1e-4), 1e15, Math.BitDecrement(1e15), Math.BitIncrement(1e15),
        1e-5, 0.001, 0.01, 0.1, Math.BitDecrement(0.001), Math.BitDecrement(0.01), Math.BitDecrement(0.1), Math.BitDecrement(1.0),
        9007199254740992, 9007199254740994, 9007199254740993, 4503599627370496, 4503599627370495.5, 1e21, Math.BitDecrement(1e21),
        1e22, 1e16, 1e17, 999999999999999.9, 99999999999999.99, 0.999999999999999, 0.99999999999999989, 123456789012345.6,
        double.Epsilon, -double.Epsilon, 2.2250738585072014E-308, 2.2250738585072009E-308, 0.0, -0.0, 1, -1,
        double.MaxValue, double.MinValue, 0.30000000000000004, 0.1 + 0.7, 1.0 / 3, 12.345678, -12.345678, 100.5, 0.00012345678901234,
    ];

    [Fact]
    public void Format_BoundariesOfEitherSign_SameTextAndLengthAsRoundTripFormat()
    {
        foreach (double value in Boundaries)
        {
            Check(value);
            Check(-value);
        }
    }

    [Fact]
    public void Format_MillionsOfDecimalsOfUpTo17Digits_SameTextAndLengthAsRoundTripFormat()
    {
        // Decimals as text, parsed (what neuron-monitor prints and the parser reads), and their neighbours one bit away.
        var random = new Random(29);
        for (int i = 0; i < 1_000_000; i++)
        {
            int digits = random.Next(1, 18);
            long mantissa = random.NextInt64(1, (long)Math.Pow(10, digits));
            int exponent = random.Next(-21, 17);
            double value = double.Parse($"{mantissa}e{exponent}", CultureInfo.InvariantCulture);
            Check(random.Next(4) == 0 ? -value : value);
            if (i % 4 == 0)
            {
                Check(Math.BitIncrement(value));
                Check(Math.BitDecrement(value));
            }
        }
    }

    [Fact]
    public void Format_MillionsOfRandomBitPatternsInTheFastRange_SameTextAndLengthAsRoundTripFormat()
    {
        var random = new Random(31);
        long low = BitConverter.DoubleToInt64Bits(1e-5);
        long high = BitConverter.DoubleToInt64Bits(1e16);
        for (int i = 0; i < 1_000_000; i++)
        {
            Check(BitConverter.Int64BitsToDouble(random.NextInt64(low, high)));
        }
    }

    [Fact]
    public void Format_EveryDecimalOfFewDigitsAtEveryScale_SameTextAndLengthAsRoundTripFormat()
    {
        // Every mantissa up to 9999 with 0 to 18 decimals: the short values reports hold, exhaustively.
        for (int decimals = 0; decimals <= 18; decimals++)
        {
            double scale = Math.Pow(10, decimals);
            for (int mantissa = 0; mantissa <= 9999; mantissa++)
            {
                Check(double.Parse($"{mantissa}e-{decimals}", CultureInfo.InvariantCulture));
                Check(mantissa / scale);
            }
        }
    }

    [Fact]
    public void Format_LargeIntegersAndHalves_SameTextAndLengthAsRoundTripFormat()
    {
        var random = new Random(37);
        for (int i = 0; i < 200_000; i++)
        {
            long integer = random.NextInt64(0, 1L << 54);
            Check(integer);
            Check(integer + 0.5);
            Check(-integer - 0.25);
        }
    }

    [Fact]
    public void TryFind_OutsideTheFastRange_False()
    {
        foreach (double value in new[] { 0.0, -0.0, 1e15, 9.9e-5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.1 + 0.2 })
        {
            ShortDecimal.TryFind(value, out _, out _).Should().BeFalse("{0:R} has no short form in range", value);
        }
    }

    private static void Check(double value)
    {
        Span<byte> text = stackalloc byte[RoundTripDoubleFormatter.MaxLength];
        int length = RoundTripDoubleFormatter.Format(value, text);
        string expected = value.ToString("R", CultureInfo.InvariantCulture);
        string actual = Encoding.ASCII.GetString(text[..length]);
        int counted = RoundTripDoubleFormatter.Length(value);
        if (actual != expected || counted != expected.Length)
        {
            actual.Should().Be(expected, "the bits of the value are {0:X16}", BitConverter.DoubleToInt64Bits(value));
            counted.Should().Be(expected.Length, "the bits of the value are {0:X16}", BitConverter.DoubleToInt64Bits(value));
        }
    }
}
