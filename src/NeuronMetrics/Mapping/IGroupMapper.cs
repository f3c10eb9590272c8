using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>Turns one metric group of a report into samples. One mapper per group type.</summary>
public interface IGroupMapper
{
    /// <summary>The group type (as named in monitor.conf) this mapper reads.</summary>
    string GroupType { get; }

    void Map(GroupSection group, in MappingContext context, List<MetricSample> output);

    /// <summary>Called once after every group of a report was mapped, for metrics that span runtimes (instance averages).</summary>
    void EndReport(in MappingContext context, List<MetricSample> output)
    {
    }
}
