using System.Globalization;
using System.Text;
using NeuronMetrics.Mapping;

namespace NeuronMetrics.Tests.Mapping;

public sealed class CoreIndexKeyTests
{
    [Fact]
    public void TryRead_EveryIndexUpToFiveDigits_CanonicalNameValueAndPastColon()
    {
        for (int i = 0; i <= 10_000; i++)
        {
            string text = i.ToString(CultureInfo.InvariantCulture);
            byte[] json = Encoding.ASCII.GetBytes($"\"{text}\":{{}}");
            int at = 0;

            bool read = CoreIndexKey.TryRead(json, ref at, out string core, out int index);

            if (text.Length <= 4)
            {
                (read, core, index, at).Should().Be((true, text, i, text.Length + 3));
                if (i < 256)
                {
                    core.Should().BeSameAs(NeuronMetrics.Reports.IndexNames.Name(i), "small indexes are interned");
                }
            }
            else
            {
                read.Should().BeFalse("five digits are not an index");
            }
        }
    }

    [Theory]
    [InlineData("\"\":")]
    [InlineData("\"00\":")]
    [InlineData("\"01\":")]
    [InlineData("\"1a\":")]
    [InlineData("\"-1\":")]
    [InlineData("\"1\" :")]
    [InlineData("\"1\"")]
    [InlineData("\"12")]
    [InlineData("1\":")]
    [InlineData("")]
    public void TryRead_OtherShapes_False(string text)
    {
        int at = 0;

        CoreIndexKey.TryRead(Encoding.ASCII.GetBytes(text), ref at, out _, out _).Should().BeFalse();
    }
}
