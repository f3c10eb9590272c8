using System.Text.Json;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// <c>vcpu_usage</c> → per instance <c>SystemVcpuUser</c>, <c>SystemVcpuSystem</c> (and opt-in
/// <c>SystemVcpuIoWait</c>) from <c>average_usage</c>; per-vCPU <c>usage_data</c> is not sent.
/// </summary>
public sealed class VcpuUsageMapper(MetricSampleWriter writer) : IGroupMapper
{
    private static readonly FieldMetric[] Fields =
    [
        new("user"u8.ToArray(), MetricCatalog.SystemVcpuUser),
        new("system"u8.ToArray(), MetricCatalog.SystemVcpuSystem),
        new("io_wait"u8.ToArray(), MetricCatalog.SystemVcpuIoWait),
    ];

    public string GroupType => GroupTypeNames.VcpuUsage;

    public void Map(GroupSection group, in MappingContext context, List<MetricSample> output)
    {
        var reader = new Utf8JsonReader(group.Json.Span);
        if (JsonNumberReader.SeekProperty(ref reader, "average_usage"u8))
        {
            writer.AddFields(ref reader, Fields, context, output);
        }
    }
}
