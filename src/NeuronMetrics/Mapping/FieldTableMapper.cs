using System.Text.Json;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// A group whose metrics are plain numbers of one object: each field named in a table becomes one
/// sample of its metric, other fields are skipped. The object is the group itself, or one of its
/// top-level properties (<c>vcpu_usage</c>, <c>average_usage</c>).
/// </summary>
public sealed class FieldTableMapper : IGroupMapper
{
    private readonly MetricSampleWriter _writer;
    private readonly byte[]? _property;
    private readonly FieldMetric[] _fields;

    /// <param name="property">The top-level property holding the fields, or null for the group object itself.</param>
    public FieldTableMapper(MetricSampleWriter writer, string groupType, string? property, params (string Field, MetricDefinition Metric)[] fields)
    {
        _writer = writer;
        GroupType = groupType;
        _property = property is null ? null : System.Text.Encoding.UTF8.GetBytes(property);
        _fields = [.. fields.Select(f => new FieldMetric(System.Text.Encoding.UTF8.GetBytes(f.Field), f.Metric))];
    }

    public string GroupType { get; }

    /// <summary><c>neuron_runtime_vcpu_usage</c> → per runtime <c>NeuronRuntimeVcpuUser</c> and <c>NeuronRuntimeVcpuSystem</c> (Percent).</summary>
    public static FieldTableMapper RuntimeVcpuUsage(MetricSampleWriter writer) => new(
        writer, GroupTypeNames.RuntimeVcpuUsage, "vcpu_usage",
        ("user", MetricCatalog.NeuronRuntimeVcpuUser),
        ("system", MetricCatalog.NeuronRuntimeVcpuSystem));

    /// <summary>
    /// <c>vcpu_usage</c> → per instance <c>SystemVcpuUser</c>, <c>SystemVcpuSystem</c> (and opt-in
    /// <c>SystemVcpuIoWait</c>) from <c>average_usage</c>; per-vCPU <c>usage_data</c> is not sent.
    /// </summary>
    public static FieldTableMapper VcpuUsage(MetricSampleWriter writer) => new(
        writer, GroupTypeNames.VcpuUsage, "average_usage",
        ("user", MetricCatalog.SystemVcpuUser),
        ("system", MetricCatalog.SystemVcpuSystem),
        ("io_wait", MetricCatalog.SystemVcpuIoWait));

    /// <summary><c>memory_info</c> → per instance <c>SystemMemoryUsed</c>, <c>SystemSwapUsed</c> (and opt-in totals), Bytes.</summary>
    public static FieldTableMapper MemoryInfo(MetricSampleWriter writer) => new(
        writer, GroupTypeNames.MemoryInfo, null,
        ("memory_used_bytes", MetricCatalog.SystemMemoryUsed),
        ("memory_total_bytes", MetricCatalog.SystemMemoryTotal),
        ("swap_used_bytes", MetricCatalog.SystemSwapUsed),
        ("swap_total_bytes", MetricCatalog.SystemSwapTotal));

    public void Map(GroupSection group, in MappingContext context, List<MetricSample> output)
    {
        var reader = new Utf8JsonReader(group.Json.Span);
        if (_property is null)
        {
            reader.Read(); // the group's StartObject
        }
        else if (!JsonNumberReader.SeekProperty(ref reader, _property))
        {
            return;
        }

        _writer.AddFields(ref reader, _fields, context, output);
    }
}
