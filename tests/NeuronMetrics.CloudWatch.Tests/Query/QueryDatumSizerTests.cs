using System.Globalization;
using System.Text;
using NeuronMetrics.CloudWatch.Query;
using NeuronMetrics.Model;

namespace NeuronMetrics.CloudWatch.Tests.Query;

/// <summary>The sizer counts numbers by their length alone: its sizes must still be the encoder's bytes, exactly.</summary>
public sealed class QueryDatumSizerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DatumSize_RandomDatumsAtAnyMemberIndex_EqualsEncodedBytes()
    {
        var random = new Random(41);
        for (int round = 0; round < 300; round++)
        {
            var data = Enumerable.Range(0, random.Next(1, 40)).Select(_ => RandomDatum(random)).ToList();
            var batch = new MetricBatch("Neuron/Test ü", "i-1", data);
            var body = new ReusableBuffer(16);
            QueryEncoder.Encode(batch, body);

            var sizer = QueryDatumSizer.Instance;
            int total = sizer.RequestOverhead(batch.Namespace) + data.Select((d, i) => sizer.DatumSize(d, i + 1)).Sum();

            total.Should().Be(body.Length, "round {0}", round);
        }
    }

    [Fact]
    public void DatumSize_LargeMemberIndex_EqualsEncodedBytesOfThatMember()
    {
        var random = new Random(43);
        var datum = RandomDatum(random);
        var padding = Enumerable.Repeat(RandomDatum(random), 999).ToList();
        var body = new ReusableBuffer(16);
        QueryEncoder.Encode(new MetricBatch("N", "i", padding), body);
        int before = body.Length;

        QueryEncoder.Encode(new MetricBatch("N", "i", [.. padding, datum]), body);

        QueryDatumSizer.Instance.DatumSize(datum, 1000).Should().Be(body.Length - before);
    }

    [Fact]
    public void Length_MillionsOfNumbers_EqualsFormattedLength()
    {
        var random = new Random(47);
        Span<byte> text = stackalloc byte[QueryNumber.MaxLength];
        for (int i = 0; i < 1_000_000; i++)
        {
            double value = RandomNumber(random);
            int formatted = QueryNumber.Format(value, text);
            QueryNumber.Length(value).Should().Be(formatted, "{0:R}", value);
            if (i % 1000 == 0)
            {
                Encoding.ASCII.GetString(text[..formatted]).Should().Be(value.ToString("R", CultureInfo.InvariantCulture).Replace("+", "%2B", StringComparison.Ordinal));
            }
        }
    }

    private static MetricDatum RandomDatum(Random random)
    {
        var dimensions = Enumerable.Range(0, random.Next(0, 4)).Select(k => new Dimension("D" + k, "v&=" + random.Next(1000))).ToList();
        int kind = random.Next(3);
        int n = random.Next(1, 151);
        return new MetricDatum
        {
            MetricName = "Metric " + random.Next(100),
            Dimensions = dimensions,
            Timestamp = Start.AddTicks(random.Next(2) == 0 ? 0 : random.Next(1, 10_000_000)),
            Unit = "Percent",
            StorageResolution = random.Next(2) == 0 ? 60 : 1,
            Value = kind == 0 ? RandomNumber(random) : null,
            Values = kind == 1 ? Enumerable.Range(0, n).Select(_ => RandomNumber(random)).ToArray() : null,
            Counts = kind == 1 ? Enumerable.Range(0, n).Select(_ => (double)random.Next(1, 5000)).ToList() : null,
            StatisticValues = kind == 2 ? new StatisticSet(random.Next(1, 100), RandomNumber(random), RandomNumber(random), RandomNumber(random)) : null,
        };
    }

    /// <summary>Short decimals and integers as reports hold them, and any double (exponents, 17 digits, zeros).</summary>
    private static double RandomNumber(Random random) => random.Next(6) switch
    {
        0 => Math.Round(random.NextDouble() * 100, random.Next(0, 9)),
        1 => random.NextInt64(0, 1L << 53),
        2 => -random.NextDouble() * Math.Pow(10, random.Next(-8, 25)),
        3 => random.Next(3) == 0 ? -0.0 : 0.0,
        4 => double.Parse($"{random.NextInt64(1, 1_000_000_000)}e{random.Next(-30, 30)}", CultureInfo.InvariantCulture),
        _ => BitConverter.Int64BitsToDouble(random.NextInt64() & long.MaxValue) is var v && double.IsFinite(v) ? v : 1.5,
    };
}
