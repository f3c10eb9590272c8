namespace NeuronMetrics.Mapping;

/// <summary>The mapper of every metric group this version sends.</summary>
public static class GroupMappers
{
    /// <summary>Every mapper with the default selection and dimensional naming.</summary>
    public static IReadOnlyList<IGroupMapper> All() => All(new MetricSampleWriter(MetricSelection.Default, NamingStyle.Dimensional));

    /// <summary>Every mapper, sharing one <paramref name="writer"/> (selection, naming, key cache).</summary>
    public static IReadOnlyList<IGroupMapper> All(MetricSampleWriter writer) =>
    [
        new NeuronCoreCountersMapper(writer),
        new MemoryUsedMapper(writer),
        FieldTableMapper.RuntimeVcpuUsage(writer),
        new ExecutionStatsMapper(writer),
        FieldTableMapper.VcpuUsage(writer),
        FieldTableMapper.MemoryInfo(writer),
        new HardwareCountersMapper(writer),
    ];
}
