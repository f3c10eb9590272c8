using System.Text.Json;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// <c>vcpu_usage</c> → per instance <c>SystemVcpuUser</c>, <c>SystemVcpuSystem</c> (and opt-in
/// <c>SystemVcpuIoWait</c>) from <c>average_usage</c>; per-vCPU <c>usage_data</c> is not sent.
/// </summary>
public sealed class VcpuUsageMapper(MetricSampleWriter writer) : IGroupMapper
{
    public string GroupType => GroupTypeNames.VcpuUsage;

    public void Map(GroupSection group, in MappingContext context, List<MetricSample> output)
    {
        var reader = new Utf8JsonReader(group.Json.Span);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isAverage = reader.ValueTextEquals("average_usage"u8);
            reader.Read();
            if (!isAverage || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var definition = reader.ValueTextEquals("user"u8) ? MetricCatalog.SystemVcpuUser
                    : reader.ValueTextEquals("system"u8) ? MetricCatalog.SystemVcpuSystem
                    : reader.ValueTextEquals("io_wait"u8) ? MetricCatalog.SystemVcpuIoWait
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
}
