using System.Text;
using NeuronMetrics.CloudWatch.Query;
using NeuronMetrics.CloudWatch.Tests.Fakes;
using NeuronMetrics.Model;

namespace NeuronMetrics.CloudWatch.Tests.Query;

public sealed class QueryEncoderTests
{
    public static TheoryData<string> Cases =>
    [
        "single_value", "integral_and_zero", "values_counts", "statistic_values", "special_characters",
        "high_resolution", "many_datums",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encode_GoldenBatch_MeansWhatBotocoreSends(string caseName)
    {
        var buffer = new ReusableBuffer(16);

        QueryEncoder.Encode(GoldenBatch.Load(caseName), buffer);

        QueryForm.ShouldMeanTheSame(buffer.Span, GoldenBatch.ExpectedBody(caseName));
    }

    [Fact]
    public void Encode_ReusedBuffer_ProducesSameBodyTwice()
    {
        var buffer = new ReusableBuffer();
        var small = GoldenBatch.Load("single_value");
        QueryEncoder.Encode(GoldenBatch.Load("many_datums"), buffer);

        QueryEncoder.Encode(small, buffer);

        var fresh = new ReusableBuffer();
        QueryEncoder.Encode(small, fresh);
        buffer.Span.SequenceEqual(fresh.Span).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void QueryDatumSizer_GoldenBatch_SumOfSizesPlusOverheadEqualsBodyLength(string caseName)
    {
        var batch = GoldenBatch.Load(caseName);
        var sizer = QueryDatumSizer.Instance;

        var total = sizer.RequestOverhead(batch.Namespace) + batch.Data.Select((d, i) => sizer.DatumSize(d, i + 1)).Sum();

        var body = new ReusableBuffer();
        QueryEncoder.Encode(batch, body);
        total.Should().Be(body.Length);
    }

    [Fact]
    public void QueryDatumSizer_MemberIndexDigits_CountedInSize()
    {
        var datum = GoldenBatch.Load("single_value").Data[0];

        var size9 = QueryDatumSizer.Instance.DatumSize(datum, 9);
        var size10 = QueryDatumSizer.Instance.DatumSize(datum, 10);

        // "10" is one byte longer than "9" in every key of the datum (MetricName, 2×2 dimension keys, Timestamp, Value, Unit).
        (size10 - size9).Should().Be(8);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(100.0, "100")]
    [InlineData(32.618492739086, "32.618492739086")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e-5, "1E-05")]
    [InlineData(1e16, "10000000000000000")]
    [InlineData(1e20, "1E%2B20")]
    [InlineData(123456789012345680.0, "1.2345678901234568E%2B17")]
    [InlineData(-1.174271e+108, "-1.174271E%2B108")]
    [InlineData(8.515920e-109, "8.51592E-109")]
    [InlineData(double.MaxValue, "1.7976931348623157E%2B308")]
    [InlineData(double.Epsilon, "5E-324")]
    public void Encode_Double_ShortestTextThatParsesBackExactly(double value, string expected)
    {
        var datum = new MetricDatum { MetricName = "M", Dimensions = [], Timestamp = DateTimeOffset.UnixEpoch, Unit = MetricUnit.None, Value = value };
        var buffer = new ReusableBuffer();

        QueryEncoder.Encode(new MetricBatch("N", "p", [datum]), buffer);

        var body = Encoding.ASCII.GetString(buffer.Span);
        body.Should().Contain($"&MetricData.member.1.Value={expected}&");
        var sent = QueryForm.Decode(buffer.Span).Single(p => p.Key == "MetricData.member.1.Value").Value;
        BitConverter.DoubleToInt64Bits(double.Parse(sent, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(BitConverter.DoubleToInt64Bits(value));
    }

    [Fact]
    public void Encode_SubMicrosecondTicks_TruncatedLikeBotocore()
    {
        var datum = new MetricDatum
        {
            MetricName = "M",
            Dimensions = [],
            Timestamp = new DateTimeOffset(2026, 11, 28, 18, 0, 0, TimeSpan.FromHours(1)).AddTicks(15),
            Unit = MetricUnit.Count,
            Value = 1,
        };
        var buffer = new ReusableBuffer();

        QueryEncoder.Encode(new MetricBatch("N", "p", [datum]), buffer);

        Encoding.ASCII.GetString(buffer.Span).Should().Contain("Timestamp=2026-11-28T17%3A00%3A00.000001Z&");
    }
}
