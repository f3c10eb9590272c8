using System.Text.Json;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary><c>memory_info</c> → per instance <c>SystemMemoryUsed</c>, <c>SystemSwapUsed</c> (and opt-in totals), Bytes.</summary>
public sealed class MemoryInfoMapper(MetricSampleWriter writer) : IGroupMapper
{
    private static readonly FieldMetric[] Fields =
    [
        new("memory_used_bytes"u8.ToArray(), MetricCatalog.SystemMemoryUsed),
        new("memory_total_bytes"u8.ToArray(), MetricCatalog.SystemMemoryTotal),
        new("swap_used_bytes"u8.ToArray(), MetricCatalog.SystemSwapUsed),
        new("swap_total_bytes"u8.ToArray(), MetricCatalog.SystemSwapTotal),
    ];

    public string GroupType => GroupTypeNames.MemoryInfo;

    public void Map(GroupSection group, in MappingContext context, List<MetricSample> output)
    {
        var reader = new Utf8JsonReader(group.Json.Span);
        reader.Read();
        writer.AddFields(ref reader, Fields, context, output);
    }
}
