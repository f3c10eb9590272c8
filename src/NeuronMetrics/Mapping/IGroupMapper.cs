using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>Turns one metric group of a report into samples. One mapper per group type.</summary>
public interface IGroupMapper
{
    /// <summary>The group types (as named in monitor.conf) this mapper reads.</summary>
    string GroupType { get; }

    void Map(GroupSection group, in MappingContext context, List<MetricSample> output);
}
