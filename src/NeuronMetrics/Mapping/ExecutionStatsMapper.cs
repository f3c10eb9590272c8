using System.Text;
using System.Text.Json;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// <c>execution_stats</c> (older reports: <c>inference_stats</c> with <c>inference_summary</c>) →
/// per runtime: the outcome counts of <c>execution_summary</c> (the period's counts),
/// <c>ExecutionErrors</c> (sum of <c>error_summary</c>) and, opt-in, the errors per kind, and the
/// percentiles of the total and device latency (<c>latency_stats</c>, null when nothing ran: no
/// latency sample then).
/// </summary>
public sealed class ExecutionStatsMapper(MetricSampleWriter writer) : IGroupMapper
{
    private static readonly FieldMetric[] SummaryFields =
    [
        new("completed"u8.ToArray(), MetricCatalog.ExecutionsCompleted),
        new("timed_out"u8.ToArray(), MetricCatalog.ExecutionsTimedOut),
        new("completed_with_err"u8.ToArray(), MetricCatalog.ExecutionsCompletedWithError),
        new("completed_with_num_err"u8.ToArray(), MetricCatalog.ExecutionsCompletedWithNumericalError),
        new("incorrect_input"u8.ToArray(), MetricCatalog.ExecutionsIncorrectInput),
        new("failed_to_queue"u8.ToArray(), MetricCatalog.ExecutionsFailedToQueue),
    ];

    private static readonly byte[][] PercentileFields = [.. MetricCatalog.LatencyPercentiles.Select(Encoding.UTF8.GetBytes)];

    private readonly ErrorKindNames _kinds = new();

    private readonly List<NumberField> _fields = [];

    public string GroupType => GroupTypeNames.ExecutionStats;

    public void Map(GroupSection group, in MappingContext context, List<MetricSample> output)
    {
        var json = group.Json.Span;
        var reader = new Utf8JsonReader(json);
        int offset = 0; // where the reader's span starts in the group (moves when a fast path steps over an object)
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("execution_summary"u8) || reader.ValueTextEquals("inference_summary"u8))
            {
                reader.Read();
                if (TryReadFast(ref reader, json, ref offset))
                {
                    AddSummary(json, context, output);
                }
                else
                {
                    writer.AddFields(ref reader, SummaryFields, context, output);
                }
            }
            else if (reader.ValueTextEquals("error_summary"u8))
            {
                reader.Read();
                ReadErrors(ref reader, json, ref offset, context, output);
            }
            else if (reader.ValueTextEquals("latency_stats"u8))
            {
                reader.Read();
                ReadLatency(ref reader, json, ref offset, context, output);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>
    /// With the reader on a value: when it is a compact object of numbers, its fields in <see cref="_fields"/>, the reader
    /// on its closing brace and true; otherwise false with the reader where it was.
    /// </summary>
    private bool TryReadFast(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ref int offset)
    {
        if (reader.TokenType != JsonTokenType.StartObject
            || !NumberObjectReader.TryRead(json, offset + (int)reader.TokenStartIndex, _fields, out int end))
        {
            return false;
        }

        FastPathResume.SkipTo(ref reader, json, ref offset, end);
        return true;
    }

    /// <summary>As <see cref="MetricSampleWriter.AddFields"/>, from <see cref="_fields"/>.</summary>
    private void AddSummary(ReadOnlySpan<byte> json, in MappingContext context, List<MetricSample> output)
    {
        foreach (var field in _fields)
        {
            var name = json[field.Name];
            foreach (var summary in SummaryFields)
            {
                if (name.SequenceEqual(summary.Field))
                {
                    writer.Add(summary.Metric, context, "", field.Value, output);
                    break;
                }
            }
        }
    }

    private void ReadErrors(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ref int offset, in MappingContext context, List<MetricSample> output)
    {
        var definition = MetricCatalog.ExecutionErrors;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            if (reader.TokenType != JsonTokenType.Null)
            {
                writer.Drop(definition, context);
                writer.Drop(MetricCatalog.ExecutionErrorsByKind, context);
            }

            reader.Skip();
            return;
        }

        double total = 0;
        bool valid = true;
        bool byKind = writer.IsEnabled(MetricCatalog.ExecutionErrorsByKind);
        if (TryReadFast(ref reader, json, ref offset))
        {
            foreach (var field in _fields)
            {
                total += field.Value; // never negative on the fast path
                if (byKind)
                {
                    writer.Add(MetricCatalog.ExecutionErrorsByKind, context, _kinds.Name(json[field.Name]), field.Value, output);
                }
            }

            writer.Add(definition, context, "", total, output);
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string kind = byKind ? _kinds.Name(ref reader) : "";
            reader.Read();
            if (JsonNumberReader.TryRead(ref reader, out double count) && count >= 0)
            {
                total += count;
                if (byKind)
                {
                    writer.Add(MetricCatalog.ExecutionErrorsByKind, context, kind, count, output); // "" (no usable name) is counted as dropped
                }
            }
            else
            {
                valid = false;
                writer.Drop(MetricCatalog.ExecutionErrorsByKind, context);
            }
        }

        if (valid)
        {
            writer.Add(definition, context, "", total, output);
        }
        else
        {
            writer.Drop(definition, context);
        }
    }

    private void ReadLatency(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ref int offset, in MappingContext context, List<MetricSample> output)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip(); // null: nothing ran in the period
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var definitions = reader.ValueTextEquals("total_latency"u8) ? MetricCatalog.ExecutionLatency
                : reader.ValueTextEquals("device_latency"u8) ? MetricCatalog.DeviceLatency
                : null;
            reader.Read();
            if (definitions is null || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            if (TryReadFast(ref reader, json, ref offset))
            {
                foreach (var field in _fields)
                {
                    int percentile = PercentileIndex(json[field.Name]);
                    if (percentile >= 0)
                    {
                        writer.Add(definitions[percentile], context, "", field.Value, output);
                    }
                }

                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int index = PercentileIndex(ref reader);
                reader.Read();
                if (index < 0)
                {
                    reader.Skip();
                }
                else
                {
                    writer.AddFrom(definitions[index], ref reader, context, "", output);
                }
            }
        }
    }

    private static int PercentileIndex(ref Utf8JsonReader reader)
    {
        for (int i = 0; i < PercentileFields.Length; i++)
        {
            if (reader.ValueTextEquals(PercentileFields[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int PercentileIndex(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < PercentileFields.Length; i++)
        {
            if (name.SequenceEqual(PercentileFields[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
