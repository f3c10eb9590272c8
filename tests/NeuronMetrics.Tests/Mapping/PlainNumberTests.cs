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
}
