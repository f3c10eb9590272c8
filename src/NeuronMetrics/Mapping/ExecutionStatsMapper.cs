using System.Text.Json;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// <c>execution_stats</c> (older reports: <c>inference_stats</c> with <c>inference_summary</c>) →
/// per runtime: <c>ExecutionsCompleted</c>, <c>ExecutionsTimedOut</c> and <c>ExecutionErrors</c>
/// (sum of <c>error_summary</c>) as the period's counts, and the p50/p99 of the total and device
/// latency (<c>latency_stats</c>, null when nothing ran: no latency sample then).
/// </summary>
public sealed class ExecutionStatsMapper(MetricSampleWriter writer) : IGroupMapper
{
    private static readonly FieldMetric[] SummaryFields =
    [
        new("completed"u8.ToArray(), MetricCatalog.ExecutionsCompleted),
        new("timed_out"u8.ToArray(), MetricCatalog.ExecutionsTimedOut),
    ];

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
            }

            reader.Skip();
            return;
        }

        double total = 0;
        bool valid = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            reader.Read();
            if (JsonNumberReader.TryRead(ref reader, out double count) && count >= 0)
            {
                total += count;
            }
            else
            {
                valid = false;
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

    private void ReadLatency(ref Utf8JsonReader reader, in MappingContext context, List<MetricSample> output)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip(); // null: nothing ran in the period
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var (p50, p99) = reader.ValueTextEquals("total_latency"u8) ? (MetricCatalog.ExecutionLatencyP50, MetricCatalog.ExecutionLatencyP99)
                : reader.ValueTextEquals("device_latency"u8) ? (MetricCatalog.DeviceLatencyP50, MetricCatalog.DeviceLatencyP99)
                : (null, null);
            reader.Read();
            if (p50 is null || p99 is null || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var definition = reader.ValueTextEquals("p50"u8) ? p50 : reader.ValueTextEquals("p99"u8) ? p99 : null;
                reader.Read();
                if (definition is null)
                {
                    reader.Skip();
                }
                else
                {
                    writer.AddFrom(definition, ref reader, context, "", output);
                }
            }
        }
    }
}
