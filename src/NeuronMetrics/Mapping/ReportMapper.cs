using NeuronMetrics.Diagnostics;
using NeuronMetrics.Filtering;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>Sends each selected group to the mapper for its type, with the dimensions of its instance and runtime.</summary>
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
        var instanceDimensions = _dimensions.For(report.Instance);
        foreach (var selected in groups)
        {
            if (_mappers.TryGetValue(GroupTypeNames.Canonical(selected.Group.Type), out var mapper))
            {
                var baseDimensions = selected.Runtime is { } runtime ? _dimensions.For(instanceDimensions, runtime) : instanceDimensions;
                var context = new MappingContext(report.Instance, selected.Runtime, baseDimensions, instanceDimensions, timestamp, _statistics);
                mapper.Map(selected.Group, context, output);
            }
        }

        var reportContext = new MappingContext(report.Instance, null, instanceDimensions, instanceDimensions, timestamp, _statistics);
        foreach (var mapper in _mappers.Values)
        {
            mapper.EndReport(reportContext, output);
        }
    }
}
