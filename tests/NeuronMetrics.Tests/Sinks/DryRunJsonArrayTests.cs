using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NeuronMetrics.Model;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Tests.Sinks;

/// <summary>Values and Counts are written as one raw array each: the bytes must be what the writer writes number by number.</summary>
public sealed class DryRunJsonArrayTests
{
    [Fact]
    public void Write_RandomValuesAndCounts_SameBytesAsTheWriterNumberByNumber()
    {
        var random = new Random(67);
        for (int round = 0; round < 200; round++)
        {
            int n = random.Next(1, 400); // past one datum's 150: the array's text no longer fits the stack room
            var values = Enumerable.Range(0, n).Select(_ => RandomNumber(random)).ToArray();
            var counts = Enumerable.Range(0, n).Select(_ => (double)random.Next(1, 100_000)).ToList();
            var batch = new MetricBatch("Neuron", "i-1", [Datum(values, counts)]);

            Encoding.UTF8.GetString(Written(batch)).Should().Be(Reference(batch.Data[0], values, counts), "round {0}", round);
        }
    }

    [Fact]
    public void Write_NotFiniteValue_ThrowsAsTheWriterDoes()
    {
        var batch = new MetricBatch("Neuron", "i-1", [Datum([1, double.NaN], [1, 1])]);

        var write = () => Written(batch);

        write.Should().Throw<ArgumentException>();
    }

    private static MetricDatum Datum(double[] values, IReadOnlyList<double> counts) => new()
    {
        MetricName = "M",
        Dimensions = [new Dimension("InstanceId", "i-1")],
        Timestamp = new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero),
        Unit = "Percent",
        Values = values,
        Counts = counts,
    };

    private static byte[] Written(MetricBatch batch)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            DryRunJsonSink.Write(writer, batch);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The line as the writer writes it with its own number text, one number at a time.</summary>
    private static string Reference(MetricDatum datum, double[] values, IReadOnlyList<double> counts)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Namespace", "Neuron");
            writer.WriteStartArray("MetricData");
            writer.WriteStartObject();
            writer.WriteString("MetricName", datum.MetricName);
            writer.WriteStartArray("Dimensions");
            writer.WriteStartObject();
            writer.WriteString("Name", "InstanceId");
            writer.WriteString("Value", "i-1");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteString("Timestamp", "2026-12-02T16:00:00Z");
            writer.WriteStartArray("Values");
            foreach (double v in values)
            {
                writer.WriteNumberValue(v);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("Counts");
            foreach (double c in counts)
            {
                writer.WriteNumberValue(c);
            }

            writer.WriteEndArray();
            writer.WriteString("Unit", datum.Unit);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static double RandomNumber(Random random) => random.Next(5) switch
    {
        0 => Math.Round(random.NextDouble() * 100, random.Next(0, 9)),
        1 => random.NextInt64(0, 1L << 53),
        2 => -random.NextDouble() * Math.Pow(10, random.Next(-8, 25)),
        3 => double.Parse($"{random.NextInt64(1, 1_000_000_000)}e{random.Next(-30, 30)}", CultureInfo.InvariantCulture),
        _ => random.Next(3) == 0 ? -0.0 : 0.0,
    };
}
