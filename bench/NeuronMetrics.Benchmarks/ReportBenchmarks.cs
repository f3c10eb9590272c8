using BenchmarkDotNet.Attributes;
using NeuronMetrics.Aggregation;
using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Input;
using NeuronMetrics.Pipeline;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Benchmarks;

/// <summary>
/// Cost per trn1.32xlarge report (~21 KB) of each read stage and of all of them together, with
/// samples/monitor-all-groups.conf. The stream holds <see cref="ReportsPerInvoke"/> copies so the
/// framer's per-stream setup is amortised as it is in a real run; results are per report.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private const int ReportsPerInvoke = 64;

    private byte[] _report = [];
    private byte[] _stream = [];
    private NeuronReportParser _parser = null!;
    private readonly NeuronReportParser _validatingParser = new();
    private readonly NeuronReportParser _utilizationOnlyParser = new([GroupTypeNames.NeuronCoreCounters]);
    private readonly NeuronReport _parsed = new();
    private MetricAggregator _aggregator = null!;
    private MetricAggregator _discardingAggregator = null!;
    private ReportProcessor _processor = null!;
    private ReportProcessor _mapOnlyProcessor = null!;
    private readonly List<PartitionedDatum> _datums = [];
    private readonly DateTimeOffset _now = new(2026, 11, 28, 17, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public void Setup()
    {
        _report = BenchmarkInputs.Trn1Report();
        _stream = new byte[_report.Length * ReportsPerInvoke];
        for (int i = 0; i < ReportsPerInvoke; i++)
        {
            _report.CopyTo(_stream, i * _report.Length);
        }

        var log = NullDiagnosticLog.Instance;
        var config = MonitorConfigLoader.LoadFile(BenchmarkInputs.AllGroupsConfig, log);
        _parser = new NeuronReportParser(config.AllGroups); // as the CLI builds it
        var settings = new ReadingSettings { Config = config };
        var repeats = new RepeatThrottle(log, TimeProvider.System, RepeatThrottle.DefaultInterval);
        _aggregator = new MetricAggregator(TimeSpan.FromSeconds(60), AggregationMode.Values);
        _processor = ReportProcessor.Create(settings, _aggregator, new PipelineStatistics(), repeats, log);
        _discardingAggregator = new MetricAggregator(TimeSpan.FromSeconds(60), AggregationMode.Values);
        _mapOnlyProcessor = ReportProcessor.Create(settings, _discardingAggregator, new PipelineStatistics(), repeats, log);
    }

    [Benchmark(OperationsPerInvoke = ReportsPerInvoke)]
    public async Task<int> Frame()
    {
        using var framer = new JsonDocumentFramer(new MemoryStream(_stream, writable: false));
        int bytes = 0;
        while (await framer.ReadNextAsync().ConfigureAwait(false) is { } document)
        {
            bytes += document.Json.Length;
        }

        return bytes;
    }

    /// <summary>Every group selected (monitor-all-groups.conf): all of the report is read and validated.</summary>
    [Benchmark]
    public bool ParseAllGroups() => _parser.Parse(_report, _parsed).IsOk;

    /// <summary>The parser without a group selection (as before group skipping): the same work as <see cref="ParseAllGroups"/>.</summary>
    [Benchmark]
    public bool ParseValidatingEverything() => _validatingParser.Parse(_report, _parsed).IsOk;

    /// <summary>The default config (neuroncore_counters only): the other groups are stepped over by structure.</summary>
    [Benchmark]
    public bool ParseUtilizationOnly() => _utilizationOnlyParser.Parse(_report, _parsed).IsOk;

    /// <summary>Frame + parse + filter + map (+ aggregate into an aggregator emptied per invocation): the reading step.</summary>
    [Benchmark(OperationsPerInvoke = ReportsPerInvoke)]
    public Task<int> FrameParseFilterMap() => ReadAll(aggregate: false);

    /// <summary>The above plus aggregation, one interval flushed per 64 reports (about a minute of neuron-monitor output).</summary>
    [Benchmark(OperationsPerInvoke = ReportsPerInvoke)]
    public async Task<int> FrameParseFilterMapAggregate()
    {
        int reports = await ReadAll(aggregate: true).ConfigureAwait(false);
        _datums.Clear();
        _aggregator.FlushAll(_datums);
        return reports + _datums.Count;
    }

    private async Task<int> ReadAll(bool aggregate)
    {
        using var framer = new JsonDocumentFramer(new MemoryStream(_stream, writable: false));
        var processor = aggregate ? _processor : _mapOnlyProcessor;
        int reports = 0;
        while (await framer.ReadNextAsync().ConfigureAwait(false) is { } document)
        {
            reports += processor.Process(document, _now) ? 1 : 0;
        }

        if (!aggregate)
        {
            _datums.Clear();
            _discardingAggregator.FlushAll(_datums); // keeps the aggregator out of the measurement's memory
        }

        return reports;
    }
}
