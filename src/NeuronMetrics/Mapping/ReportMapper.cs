using NeuronMetrics.Diagnostics;
using NeuronMetrics.Filtering;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>Sends each selected group to the mapper for its type.</summary>
public sealed class ReportMapper
{
    private readonly Dictionary<string, IGroupMapper> _mappers = new(StringComparer.Ordinal);
    private readonly DimensionPolicy _dimensions;
    private readonly PipelineStatistics _statistics;

    public ReportMapper(IEnumerable<IGroupMapper> mappers, DimensionPolicy dimensions, PipelineStatistics statistics)
    {
        foreach (var mapper in mappers)
        {
            _mappers[mapper.GroupType] = mapper;
        }

        _dimensions = dimensions;
        _statistics = statistics;
    }

    /// <summary>Group types that have a mapper.</summary>
    public IReadOnlyCollection<string> MappedGroups => _mappers.Keys;

    public void Map(NeuronReport report, List<SelectedGroup> groups, DateTimeOffset timestamp, List<MetricSample> output)
    {
        var baseDimensions = _dimensions.For(report.Instance);
        foreach (var selected in groups)
        {
            if (_mappers.TryGetValue(GroupTypeNames.Canonical(selected.Group.Type), out var mapper))
            {
                var context = new MappingContext(report.Instance, selected.Runtime, baseDimensions, timestamp, _statistics);
                mapper.Map(selected.Group, context, output);
            }
        }
    }
}
