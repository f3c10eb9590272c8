using System.Text;
using NeuronMetrics.Mapping;

namespace NeuronMetrics.Tests.Mapping;

public sealed class PlainNameTests
{
    [Theory]
    [InlineData("\"a\":1", "a")]
    [InlineData("\"constants\":0", "constants")]
    [InlineData("\"model_shared_scratchpad\":0", "model_shared_scratchpad")]
    [InlineData("\"exactly8\":", "exactly8")]
    [InlineData("\"seven77\":", "seven77")]
    [InlineData("\" ~{}[]:,\":", " ~{}[]:,")]
    public void TryRead_PlainNames_NameAndPastColon(string text, string expected)
    {
        byte[] json = Encoding.ASCII.GetBytes(text);
        int at = 0;

        PlainName.TryRead(json, ref at, out Range name).Should().BeTrue();

        Encoding.ASCII.GetString(json[name]).Should().Be(expected);
        at.Should().Be(expected.Length + 3);
    }

    [Theory]
    [InlineData("\"\":1")]
    [InlineData("\"a\\\"b\":1")]
    [InlineData("\"long_name_with\\u0041_escape\":1")]
    [InlineData("\"a\" :1")]
    [InlineData("\"abc")]
    [InlineData("\"abcdefghijklmnop")]
    [InlineData("abc\":1")]
    [InlineData("\"caf\u00e9_latte_name\":1")]
    [InlineData("\"tab\there_and_more\":1")]
    [InlineData("\"del\u007fete_and_more\":1")]
    public void TryRead_OtherShapes_False(string text)
    {
        int at = 0;

        PlainName.TryRead(Encoding.UTF8.GetBytes(text), ref at, out _).Should().BeFalse();
    }

    [Fact]
    public void TryRead_EveryByteAtEveryPosition_SameAsByteByByte()
    {
        // The eight-byte steps against the rule they implement, for each byte value at each place of names up to 20 long.
        for (int length = 1; length <= 20; length++)
        {
            for (int place = 0; place < length; place++)
            {
                for (int value = 0; value < 256; value++)
                {
                    byte[] json = [(byte)'"', .. Enumerable.Repeat((byte)'n', length), (byte)'"', (byte)':', (byte)'1', (byte)','];
                    json[1 + place] = (byte)value;
                    int at = 0;

                    bool read = PlainName.TryRead(json, ref at, out Range name);

                    var (expected, expectedEnd) = Reference(json);
                    read.Should().Be(expected, $"byte {value:X2} at {place} of a {length}-byte name");
                    if (read)
                    {
                        (name.End.Value + 2).Should().Be(expectedEnd);
                        at.Should().Be(expectedEnd);
                    }
                }
            }
        }
    }

    private static (bool Read, int End) Reference(byte[] json)
    {
        int end = 1;
        while (end < json.Length && json[end] != (byte)'"')
        {
            if (json[end] is < 0x20 or > 0x7E or (byte)'\\')
            {
                return (false, -1);
            }

            end++;
        }

        bool read = end > 1 && end + 1 < json.Length && json[end + 1] == (byte)':';
        return (read, end + 2);
    }

    [Theory]
    [InlineData("{\"name\":1,\"name\":2}", true, "name")]
    [InlineData("{\"name\":1,\"nam\":2}", true, "nam")]
    [InlineData("{\"name\":1,\"named\":2}", true, "named")]
    [InlineData("{\"name\":1,\"na\\u006de\":2}", false, "")]
    [InlineData("{\"name\":1,\"name\"", false, "")]
    [InlineData("{\"name\":1,\"name\":", true, "name")]
    public void TryReadLike_AfterAName_SameAsTryRead(string text, bool expected, string expectedName)
    {
        byte[] json = Encoding.ASCII.GetBytes(text);
        int at = 1;
        PlainName.TryRead(json, ref at, out Range first).Should().BeTrue();
        at = text.IndexOf(',', StringComparison.Ordinal) + 1;
        int plainAt = at;

        bool read = PlainName.TryReadLike(json, ref at, first, out Range name);

        read.Should().Be(expected);
        PlainName.TryRead(json, ref plainAt, out Range plainName).Should().Be(expected);
        if (read)
        {
            Encoding.ASCII.GetString(json[name]).Should().Be(expectedName);
            (name, at).Should().Be((plainName, plainAt));
        }
    }
}
