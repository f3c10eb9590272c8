using System.Text.Json;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary><c>memory_info</c> → per instance <c>SystemMemoryUsed</c>, <c>SystemSwapUsed</c> (and opt-in totals), Bytes.</summary>
public sealed class MemoryInfoMapper(MetricSampleWriter writer) : IGroupMapper
{
    public string GroupType => GroupTypeNames.MemoryInfo;

    public void Map(GroupSection group, in MappingContext context, List<MetricSample> output)
    {
        var reader = new Utf8JsonReader(group.Json.Span);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var definition = reader.ValueTextEquals("memory_used_bytes"u8) ? MetricCatalog.SystemMemoryUsed
                : reader.ValueTextEquals("memory_total_bytes"u8) ? MetricCatalog.SystemMemoryTotal
                : reader.ValueTextEquals("swap_used_bytes"u8) ? MetricCatalog.SystemSwapUsed
                : reader.ValueTextEquals("swap_total_bytes"u8) ? MetricCatalog.SystemSwapTotal
                : null;
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
