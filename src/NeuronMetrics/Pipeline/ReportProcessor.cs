using NeuronMetrics.Aggregation;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Filtering;
using NeuronMetrics.Input;
using NeuronMetrics.Mapping;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Pipeline;

/// <summary>
/// The reading side as one step, for a run, a cost estimate and the tests alike: a framed document
/// → parser → (enricher) → filter → mappers (one value per metric per report) → aggregator. Says
/// what it rejects or refuses, with line numbers, and diagnoses a run that sends nothing. Reading
/// thread only; reuses its buffers from report to report.
/// </summary>
public sealed class ReportProcessor
{
    private readonly NeuronReportParser _parser;
    private readonly ReportFilter _filter;
    private readonly ReportMapper _mapper;
    private readonly MetricAggregator _aggregator;
    private readonly SelectionDiagnostics _diagnostics;
    private readonly PipelineStatistics _statistics;
    private readonly IDiagnosticLog _log;
    private readonly RepeatThrottle _repeats;
    private readonly IReportEnricher? _enricher;
    private readonly NeuronReport _report = new();
    private readonly List<SelectedGroup> _selected = [];
    private List<MetricSample> _samples = [];
    private volatile InstanceInfo _lastInstance = InstanceInfo.Unknown;
    private bool _preReleaseSaid;

    private ReportProcessor(ReadingSettings settings, MetricAggregator aggregator, PipelineStatistics statistics, RepeatThrottle repeats, IDiagnosticLog log, IReportEnricher? enricher)
    {
        var config = settings.Config;
        _parser = new NeuronReportParser(config.AllGroups);
        _filter = new ReportFilter(config, repeats, log);
        _mapper = new ReportMapper(GroupMappers.All(new MetricSampleWriter(settings.Selection, settings.Naming)), new DimensionPolicy(settings.Dimensions, log), statistics);
        _diagnostics = new SelectionDiagnostics(settings, _filter, log);
        _aggregator = aggregator;
        _statistics = statistics;
        _repeats = repeats;
        _log = log;
        _enricher = enricher;
    }

    /// <summary>The instance of the latest report (its region is the last resort for the CloudWatch endpoint). Any thread.</summary>
    public InstanceInfo LastInstance => _lastInstance;

    public MetricAggregator Aggregator => _aggregator;

    /// <summary>Wires the reading stages for <paramref name="settings"/>, adding to <paramref name="aggregator"/>.</summary>
    /// <param name="repeats">Rate-limits repeated warnings (shared with the other stages of a run).</param>
    /// <param name="enricher">Completes each report before it is filtered (e.g. instance metadata), or null.</param>
    public static ReportProcessor Create(
        ReadingSettings settings,
        MetricAggregator aggregator,
        PipelineStatistics statistics,
        RepeatThrottle repeats,
        IDiagnosticLog log,
        IReportEnricher? enricher = null) => new(settings, aggregator, statistics, repeats, log, enricher);

    /// <summary>Processes one document; true when it was a report (its samples are in the aggregator).</summary>
    public bool Process(in FramedDocument document, DateTimeOffset timestamp) => Process(document, timestamp, null);

    /// <summary>
    /// As <see cref="Process(in FramedDocument, DateTimeOffset)"/>, handing the report's samples to
    /// <paramref name="handOff"/> (the aggregating thread adds them) instead of adding them here when it is not null.
    /// </summary>
    internal bool Process(in FramedDocument document, DateTimeOffset timestamp, SampleHandOff? handOff)
    {
        if (document.IsRejected)
        {
            Reject(document.StartLine, document.Error!);
            return false;
        }

        var result = _parser.Parse(document.Json, _report, document.Index);
        if (result.PreRelease)
        {
            _statistics.AddDocumentRejected();
            if (!_preReleaseSaid)
            {
                _preReleaseSaid = true;
                _log.Write(LogLevel.Warning, $"line {document.StartLine}: {result.Error}: update aws-neuron-tools (neuron-monitor); every such report is skipped and counted as rejected");
            }

            return false;
        }

        if (!result.IsOk)
        {
            Reject(document.StartLine + result.LineOffset, result.Error!);
            return false;
        }

        if (result.Warning is { } refused)
        {
            _repeats.Write(LogLevel.Warning, "refused:" + refused, $"line {document.StartLine + result.LineOffset}: {refused}; the rest of the report is kept");
        }

        _enricher?.Enrich(_report);
        _selected.Clear();
        _samples.Clear();
        var outcome = _filter.Select(_report, _selected);
        long droppedBefore = _statistics.ValuesDropped;
        try
        {
            _mapper.Map(_report, _selected, timestamp, _samples);
        }
        catch (GroupJsonException ex)
        {
            // The parser left this group's nested values to its mapper: the report is rejected as a parse failure would have been.
            Reject(document.StartLine + LineOf(document.Json.Span, ex), "invalid JSON: " + ex.Message);
            return false;
        }

        if (_statistics.ValuesDropped - droppedBefore is > 0 and var dropped)
        {
            _repeats.Write(LogLevel.Warning, "values-dropped", $"line {document.StartLine}: {dropped} value(s) dropped (wrong type, not finite or out of range); the rest of the report is kept");
        }

        _statistics.AddReportRead();
        _lastInstance = _report.Instance;
        int samples = _samples.Count;
        _statistics.AddSamples(samples);
        if (handOff is null)
        {
            _aggregator.Add(_samples);
        }
        else
        {
            handOff.Publish(ref _samples); // swapped for an empty list
        }

        _diagnostics.Observe(outcome, samples, _report, timestamp);
        return true;
    }

    /// <summary>End of input: says why nothing was sent, if nothing was.</summary>
    public void Complete() => _diagnostics.Complete(_report);

    /// <summary>The line of a mapper's JSON error, relative to the document's first line.</summary>
    private static long LineOf(ReadOnlySpan<byte> document, GroupJsonException ex)
    {
        document.Overlaps(ex.Group.Json.Span, out int offset);
        return document[..offset].Count((byte)'\n') + ex.LineInGroup;
    }

    private void Reject(long line, string reason)
    {
        _statistics.AddDocumentRejected();
        _log.Write(LogLevel.Warning, $"line {line}: {reason}; skipped");
    }
}
