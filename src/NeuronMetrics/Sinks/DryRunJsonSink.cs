using System.Buffers;
using System.Globalization;
using System.Text.Json;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Model;
using NeuronMetrics.Text;

namespace NeuronMetrics.Sinks;

/// <summary>
/// Writes each request that would be sent as one JSON line, in the shape
/// <c>aws cloudwatch put-metric-data --cli-input-json</c> takes. Needs no credentials or network.
/// </summary>
public sealed class DryRunJsonSink : IMetricSink
{
    private readonly Stream _output;
    private readonly IDiagnosticLog _log;
    private readonly Utf8JsonWriter _writer;

    /// <summary>"2026-11-28T17:00:00.250Z" and some room.</summary>
    private const int MaxTimestampLength = 32;

    /// <summary>Stack room for a Values or Counts array's text: 150 numbers (a datum's most), each with the formatter's room and a comma.</summary>
    private const int MaxStackArrayBytes = 2 + (PutMetricDataLimits.MaxValuesPerDatum * (RoundTripDoubleFormatter.MaxLength + 1));

    public DryRunJsonSink(Stream output, IDiagnosticLog log)
    {
        _output = output;
        _log = log;
        _writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = false });
    }

    public async Task<SinkResult> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int datums = batch.Batch.Data.Count;
        try
        {
            _writer.Reset(_output);
            Write(_writer, batch.Batch);
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            _output.WriteByte((byte)'\n');
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            return StandardOutput.WriteFailed(ex, datums, _log);
        }

        return SinkResult.Delivered(datums);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            await _output.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Already reported by the write that failed.
        }
    }

    internal static void Write(Utf8JsonWriter writer, MetricBatch batch)
    {
        // Index loops over the lists and UTF-8 names: nothing is allocated per datum (a fast replay sends millions).
        writer.WriteStartObject();
        writer.WriteString("Namespace"u8, batch.Namespace);
        writer.WriteStartArray("MetricData"u8);
        var data = batch.Data;
        Span<byte> timestamp = stackalloc byte[MaxTimestampLength];
        for (int i = 0; i < data.Count; i++)
        {
            var datum = data[i];
            writer.WriteStartObject();
            writer.WriteString("MetricName"u8, datum.MetricName);
            writer.WriteStartArray("Dimensions"u8);
            var dimensions = datum.Dimensions;
            for (int d = 0; d < dimensions.Count; d++)
            {
                writer.WriteStartObject();
                writer.WriteString("Name"u8, dimensions[d].Name);
                writer.WriteString("Value"u8, dimensions[d].Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("Timestamp"u8, timestamp[..FormatTimestamp(datum.Timestamp, timestamp)]);
            if (datum.Value is { } value)
            {
                writer.WriteNumber("Value"u8, value);
            }

            if (datum.Values is { } values && datum.Counts is { } counts)
            {
                WriteNumbers(writer, "Values"u8, values);
                WriteNumbers(writer, "Counts"u8, counts);
            }

            if (datum.StatisticValues is { } stats)
            {
                writer.WriteStartObject("StatisticValues"u8);
                writer.WriteNumber("SampleCount"u8, stats.SampleCount);
                writer.WriteNumber("Sum"u8, stats.Sum);
                writer.WriteNumber("Minimum"u8, stats.Minimum);
                writer.WriteNumber("Maximum"u8, stats.Maximum);
                writer.WriteEndObject();
            }

            writer.WriteString("Unit"u8, datum.Unit);
            if (datum.StorageResolution != 60)
            {
                writer.WriteNumber("StorageResolution"u8, datum.StorageResolution);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>ISO-8601 UTC into <paramref name="destination"/>; fractional seconds only when present. Returns the length.</summary>
    internal static int FormatTimestamp(DateTimeOffset timestamp, Span<byte> destination)
    {
        var utc = timestamp.UtcDateTime;
        string format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        utc.TryFormat(destination, out int written, format, CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>
    /// The array as one raw value: its text assembled here ("[1,0.5]", what the writer itself would write) and handed
    /// over at once, not number by number (each raw value costs the writer a state check and a copy).
    /// </summary>
    private static void WriteNumbers(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<double> numbers)
    {
        int room = 2 + (numbers.Count * (RoundTripDoubleFormatter.MaxLength + 1));
        byte[]? rented = room > MaxStackArrayBytes ? ArrayPool<byte>.Shared.Rent(room) : null;
        Span<byte> text = rented ?? stackalloc byte[MaxStackArrayBytes];
        try
        {
            int length = FormatArray(numbers, text);
            if (length < 0)
            {
                WriteNumbersOneByOne(writer, name, numbers);
                return;
            }

            writer.WritePropertyName(name);
            writer.WriteRawValue(text[..length], skipInputValidation: true);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>"[n,n,...]" into <paramref name="text"/>; -1 when a number is not finite (JSON has no text for it).</summary>
    private static int FormatArray(IReadOnlyList<double> numbers, Span<byte> text)
    {
        ReadOnlySpan<double> values = numbers is double[] array ? array : [.. numbers];
        int at = 0;
        text[at++] = (byte)'[';
        for (int i = 0; i < values.Length; i++)
        {
            double n = values[i];
            if (!double.IsFinite(n))
            {
                return -1;
            }

            if (i > 0)
            {
                text[at++] = (byte)',';
            }

            at += RoundTripDoubleFormatter.Format(n, text[at..]);
        }

        text[at++] = (byte)']';
        return at;
    }

    private static void WriteNumbersOneByOne(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<double> numbers)
    {
        writer.WriteStartArray(name);
        for (int i = 0; i < numbers.Count; i++)
        {
            writer.WriteNumberValue(numbers[i]); // throws at the first number that is not finite, as before
        }

        writer.WriteEndArray();
    }
}
