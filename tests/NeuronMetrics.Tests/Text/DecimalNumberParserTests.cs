using System.Globalization;
using System.Text;
using NeuronMetrics.Text;

namespace NeuronMetrics.Tests.Text;

public sealed class DecimalNumberParserTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("42")]
    [InlineData("11.799649")]
    [InlineData("-0.000001")]
    [InlineData("0.1")]
    [InlineData("0.3")]
    [InlineData("9007199254740992")]
    [InlineData("900719925474099.2")]
    [InlineData("0.0000000000000000000001")]
    public void TryParse_FastShapes_SameDoubleAsTheFullParse(string text)
    {
        DecimalNumberParser.TryParse(Encoding.ASCII.GetBytes(text), out double value).Should().BeTrue();

        BitConverter.DoubleToInt64Bits(value).Should().Be(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("1e5")]
    [InlineData("1.5E-3")]
    [InlineData("9007199254740993")]
    [InlineData("12345678901234567890")]
    [InlineData("0.00000000000000000000001")]
    [InlineData("1.0000000000000000000001")]
    [InlineData("")]
    [InlineData("-")]
    public void TryParse_OtherShapes_LeftToTheFullParser(string text)
    {
        DecimalNumberParser.TryParse(Encoding.ASCII.GetBytes(text), out _).Should().BeFalse();
    }

    [Fact]
    public void TryParse_RandomDecimals_SameDoubleAsTheFullParse()
    {
        var random = new Random(13);
        for (int i = 0; i < 100_000; i++)
        {
            int decimals = random.Next(0, 12);
            long significand = random.NextInt64(0, 1L << random.Next(1, 54));
            string text = (random.Next(4) == 0 ? "-" : "") + (decimals == 0
                ? significand.ToString(CultureInfo.InvariantCulture)
                : (significand / (decimal)Math.Pow(10, decimals)).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture));
            if (!DecimalNumberParser.TryParse(Encoding.ASCII.GetBytes(text), out double value))
            {
                continue;
            }

            value.Should().Be(double.Parse(text, CultureInfo.InvariantCulture), text);
        }
    }
}
