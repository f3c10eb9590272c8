using System.Text.Json;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary><c>neuron_runtime_vcpu_usage</c> → per runtime <c>NeuronRuntimeVcpuUser</c> and <c>NeuronRuntimeVcpuSystem</c> (Percent).</summary>
public sealed class RuntimeVcpuUsageMapper(MetricSampleWriter writer) : IGroupMapper
{
    public string GroupType => GroupTypeNames.RuntimeVcpuUsage;

    public void Map(GroupSection group, in MappingContext context, List<MetricSample> output)
    {
        var reader = new Utf8JsonReader(group.Json.Span);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isUsage = reader.ValueTextEquals("vcpu_usage"u8);
            reader.Read();
            if (!isUsage || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var definition = reader.ValueTextEquals("user"u8) ? MetricCatalog.NeuronRuntimeVcpuUser
                    : reader.ValueTextEquals("system"u8) ? MetricCatalog.NeuronRuntimeVcpuSystem
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
