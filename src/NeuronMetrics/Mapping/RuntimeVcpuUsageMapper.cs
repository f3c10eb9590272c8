using System.Text.Json;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary><c>neuron_runtime_vcpu_usage</c> → per runtime <c>NeuronRuntimeVcpuUser</c> and <c>NeuronRuntimeVcpuSystem</c> (Percent).</summary>
public sealed class RuntimeVcpuUsageMapper(MetricSampleWriter writer) : IGroupMapper
{
    private static readonly FieldMetric[] Fields =
    [
        new("user"u8.ToArray(), MetricCatalog.NeuronRuntimeVcpuUser),
        new("system"u8.ToArray(), MetricCatalog.NeuronRuntimeVcpuSystem),
    ];

    public string GroupType => GroupTypeNames.RuntimeVcpuUsage;

    public void Map(GroupSection group, in MappingContext context, List<MetricSample> output)
    {
        var reader = new Utf8JsonReader(group.Json.Span);
        if (JsonNumberReader.SeekProperty(ref reader, "vcpu_usage"u8))
        {
            writer.AddFields(ref reader, Fields, context, output);
        }
    }
}
