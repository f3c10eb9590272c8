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
        writer.WriteStartObject();
        writer.WriteString("Namespace", batch.Namespace);
        writer.WriteStartArray("MetricData");
        foreach (var datum in batch.Data)
        {
            writer.WriteStartObject();
            writer.WriteString("MetricName", datum.MetricName);
            writer.WriteStartArray("Dimensions");
            foreach (var dimension in datum.Dimensions)
            {
                writer.WriteStartObject();
                writer.WriteString("Name", dimension.Name);
                writer.WriteString("Value", dimension.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("Timestamp", FormatTimestamp(datum.Timestamp));
            if (datum.Value is { } value)
            {
                writer.WriteNumber("Value", value);
            }

            if (datum.Values is { } values && datum.Counts is { } counts)
            {
                WriteNumbers(writer, "Values", values);
                WriteNumbers(writer, "Counts", counts);
            }

            if (datum.StatisticValues is { } stats)
            {
                writer.WriteStartObject("StatisticValues");
                writer.WriteNumber("SampleCount", stats.SampleCount);
                writer.WriteNumber("Sum", stats.Sum);
                writer.WriteNumber("Minimum", stats.Minimum);
                writer.WriteNumber("Maximum", stats.Maximum);
                writer.WriteEndObject();
            }

            writer.WriteString("Unit", datum.Unit);
            if (datum.StorageResolution != 60)
            {
                writer.WriteNumber("StorageResolution", datum.StorageResolution);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>ISO-8601 UTC; fractional seconds only when present.</summary>
    internal static string FormatTimestamp(DateTimeOffset timestamp)
    {
        var utc = timestamp.UtcDateTime;
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    private static void WriteNumbers(Utf8JsonWriter writer, string name, IReadOnlyList<double> numbers)
    {
        writer.WriteStartArray(name);
        Span<byte> text = stackalloc byte[RoundTripDoubleFormatter.MaxLength];
        foreach (double n in numbers)
        {
            if (double.IsFinite(n))
            {
                // The writer's own text for a double, faster for the integers and short decimals datums hold.
                writer.WriteRawValue(text[..RoundTripDoubleFormatter.Format(n, text)], skipInputValidation: true);
            }
            else
            {
                writer.WriteNumberValue(n); // throws, as before
            }
        }

        writer.WriteEndArray();
    }
}
