using System.Text.Json;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Filtering;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// Sends each selected group to the mapper for its type, with the dimensions of its instance,
/// runtime and Kubernetes placement, then combines the report's samples into one per metric
/// (<see cref="SampleCombiner"/>).
/// </summary>
public sealed class ReportMapper
{
    private readonly Dictionary<string, IGroupMapper> _mappers = new(StringComparer.Ordinal);
    private readonly IGroupMapper[] _all;
    private readonly DimensionPolicy _dimensions;
    private readonly PipelineStatistics _statistics;
    private readonly SampleCombiner _combiner = new();

    public ReportMapper(IEnumerable<IGroupMapper> mappers, DimensionPolicy dimensions, PipelineStatistics statistics)
    {
        foreach (var mapper in mappers)
        {
            _mappers[mapper.GroupType] = mapper;
        }

        _all = [.. _mappers.Values];
        _dimensions = dimensions;
        _statistics = statistics;
    }

    /// <summary>Group types that have a mapper.</summary>
    public IReadOnlyCollection<string> MappedGroups => _mappers.Keys;

    /// <summary>Adds the report's samples to <paramref name="output"/>.</summary>
    /// <exception cref="GroupJsonException">A selected group is not valid JSON (or holds a string that cannot be decoded); nothing of the report is added.</exception>
    public void Map(NeuronReport report, List<SelectedGroup> groups, DateTimeOffset timestamp, List<MetricSample> output)
    {
        int start = output.Count;
        var instanceDimensions = _dimensions.For(report.Instance);
        var placements = _dimensions.For(report.Kubernetes);
        var reportContext = new MappingContext(report.Instance, null, instanceDimensions, instanceDimensions, timestamp, _statistics, placements);
        _dimensions.BeginReport();
        foreach (var selected in groups)
        {
            if (!_mappers.TryGetValue(GroupTypeNames.Canonical(selected.Group.Type), out var mapper))
            {
                continue;
            }

            var baseDimensions = selected.Runtime is { } runtime ? _dimensions.For(instanceDimensions, runtime) : instanceDimensions;
            try
            {
                mapper.Map(selected.Group, reportContext with { Runtime = selected.Runtime, BaseDimensions = baseDimensions }, output);
            }
            catch (JsonException ex)
            {
                Abandon(reportContext, output, start);
                throw new GroupJsonException(selected.Group, ex);
            }
            catch (InvalidOperationException ex)
            {
                // Utf8JsonReader throws this, not a JsonException, when it compares or decodes an escaped lone surrogate.
                Abandon(reportContext, output, start);
                throw new GroupJsonException(selected.Group, ex);
            }
        }

        EndReport(reportContext, output);
        _combiner.Combine(output, start);
    }

    /// <summary>Leaves no sample and no per-report state of a failed report behind.</summary>
    private void Abandon(in MappingContext context, List<MetricSample> output, int start)
    {
        EndReport(context, output);
        output.RemoveRange(start, output.Count - start);
    }

    private void EndReport(in MappingContext context, List<MetricSample> output)
    {
        foreach (var mapper in _all)
        {
            mapper.EndReport(context, output);
        }
    }
}
