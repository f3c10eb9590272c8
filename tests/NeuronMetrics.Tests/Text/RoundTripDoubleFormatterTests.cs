using System.Globalization;
using System.Text;
using System.Text.Json;
using NeuronMetrics.Text;

namespace NeuronMetrics.Tests.Text;

public sealed class RoundTripDoubleFormatterTests
{
    private static readonly double[] Edges =
    [
        0.0, -0.0, 1, -1, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 100, 99.99, 99.999999999999, 12.5, 0.5, 0.05,
        0.0001, 0.00011, 0.0009999, 0.00009999, 1e-5, 1.5e-5, 123456789012345, 999999999999999, 1e15, 1e15 + 2, 1e16,
        123456789.123456, 12345678901234.5, 1234567890123.45, 0.123456789012345, 0.1234567890123456, 9007199254740991,
        9007199254740993, double.Epsilon, double.MaxValue, double.MinValue, 1.7976931348623157E+308, 4.9e-324,
        5e-324, 2.2250738585072014E-308, 3.14159, 42.000000000000007, 0.999999999999999, 0.9999999999999999,
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 68719476736, 12884901888.5, -0.0001, -123.25,
    ];

    public static TheoryData<double> EdgeValues => [.. Edges];

    [Theory]
    [MemberData(nameof(EdgeValues))]
    public void Format_EdgeValue_SameTextAsRoundTripFormat(double value) => Check(value);

    [Fact]
    public void Format_ManyDecimalsOfUpTo17Digits_SameTextAsRoundTripFormat()
    {
        var random = new Random(13);
        for (int i = 0; i < 200_000; i++)
        {
            int digits = random.Next(1, 18);
            long mantissa = random.NextInt64(1, (long)Math.Pow(10, Math.Min(digits, 17)));
            int exponent = random.Next(-22, 18);
            double value = double.Parse($"{mantissa}e{exponent}", CultureInfo.InvariantCulture);
            Check(random.Next(4) == 0 ? -value : value);
        }
    }

    [Fact]
    public void Format_RandomBitPatterns_SameTextAsRoundTripFormat()
    {
        var random = new Random(17);
        for (int i = 0; i < 200_000; i++)
        {
            Check(BitConverter.Int64BitsToDouble(random.NextInt64()));
        }
    }

    [Fact]
    public void Format_PercentagesAndCountsAsReportsHoldThem_SameTextAsRoundTripFormat()
    {
        var random = new Random(19);
        for (int i = 0; i < 200_000; i++)
        {
            Check(Math.Round(random.NextDouble() * 100, random.Next(0, 16)));
            Check(random.NextInt64(0, 1L << 50));
            Check(random.NextDouble() * Math.Pow(10, random.Next(-4, 15)));
        }
    }

    [Fact]
    public void Format_FiniteValues_SameTextAsJsonWriter()
    {
        var random = new Random(23);
        var values = Edges.Where(double.IsFinite)
            .Concat(Enumerable.Range(0, 20_000).Select(_ => Math.Round(random.NextDouble() * 1000, random.Next(0, 16))));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        Span<byte> text = stackalloc byte[RoundTripDoubleFormatter.MaxLength];
        foreach (double value in values)
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteNumberValue(value);
            }

            int length = RoundTripDoubleFormatter.Format(value, text);
            Encoding.ASCII.GetString(text[..length]).Should().Be(Encoding.ASCII.GetString(buffer.WrittenSpan));
        }
    }

    private static void Check(double value)
    {
        Span<byte> text = stackalloc byte[RoundTripDoubleFormatter.MaxLength];
        int length = RoundTripDoubleFormatter.Format(value, text);
        string actual = Encoding.ASCII.GetString(text[..length]);
        string expected = value.ToString("R", CultureInfo.InvariantCulture);
        if (actual != expected)
        {
            actual.Should().Be(expected, "the bits of the value are {0:X16}", BitConverter.DoubleToInt64Bits(value));
        }

        if (double.IsFinite(value))
        {
            double.Parse(actual, CultureInfo.InvariantCulture).Should().Be(value);
        }
    }
}
