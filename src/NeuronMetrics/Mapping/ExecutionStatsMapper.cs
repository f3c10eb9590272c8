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
    /// <summary>Error kinds beyond the known ones that are remembered (their names are dimension values).</summary>
    private const int MaxExtraKinds = 16;

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

    private readonly List<string> _kinds = ["generic", "numerical", "transient", "model", "runtime", "hardware"];

    public string GroupType => GroupTypeNames.ExecutionStats;

    public void Map(GroupSection group, in MappingContext context, List<MetricSample> output)
    {
        var reader = new Utf8JsonReader(group.Json.Span);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("execution_summary"u8) || reader.ValueTextEquals("inference_summary"u8))
            {
                reader.Read();
                writer.AddFields(ref reader, SummaryFields, context, output);
            }
            else if (reader.ValueTextEquals("error_summary"u8))
            {
                reader.Read();
                ReadErrors(ref reader, context, output);
            }
            else if (reader.ValueTextEquals("latency_stats"u8))
            {
                reader.Read();
                ReadLatency(ref reader, context, output);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private void ReadErrors(ref Utf8JsonReader reader, in MappingContext context, List<MetricSample> output)
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
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string kind = byKind ? KindName(ref reader) : "";
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

    /// <summary>The error kind of the property the reader is on, interned; "" when it is not a plain lowercase name.</summary>
    private string KindName(ref Utf8JsonReader reader)
    {
        foreach (string kind in _kinds)
        {
            if (reader.ValueTextEquals(kind))
            {
                return kind;
            }
        }

        var name = reader.ValueSpan;
        if (reader.ValueIsEscaped || name.Length is 0 or > 32 || name.IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789_"u8) >= 0
            || _kinds.Count >= 6 + MaxExtraKinds)
        {
            return "";
        }

        string added = Encoding.ASCII.GetString(name);
        _kinds.Add(added);
        return added;
    }

    private void ReadLatency(ref Utf8JsonReader reader, in MappingContext context, List<MetricSample> output)
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
}
