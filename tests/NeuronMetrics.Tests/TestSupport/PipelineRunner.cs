using NeuronMetrics.Aggregation;
using NeuronMetrics.Batching;
using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Filtering;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;
using NeuronMetrics.Pipeline;
using NeuronMetrics.Reports;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Tests;

/// <summary>Runs the whole pipeline in process with a fixed clock, as the CLI wires it.</summary>
internal sealed class PipelineRunner
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 30, TimeSpan.Zero);

    public ListLog Log { get; } = new();

    public PipelineStatistics Statistics { get; } = new();

    public ManualClock Clock { get; } = new(Start);

    public MetricSelection Selection { get; init; } = MetricSelection.Default;

    /// <summary><c>--metrics</c> as given, for the "nothing is sent" diagnosis.</summary>
    public IReadOnlyList<string>? MetricPatterns { get; init; }

    public NamingStyle Naming { get; init; } = NamingStyle.Dimensional;

    public DimensionSettings Dimensions { get; init; } = DimensionSettings.Default;

    public int StorageResolution { get; init; } = 60;

    /// <summary>Seals an interval at this many values per metric (small: every report flushes early).</summary>
    public int MaxEntriesPerMetric { get; init; } = MetricAggregator.DefaultMaxEntriesPerMetric;

    /// <summary>Sizes datums for the batcher (null: small fixed sizes).</summary>
    public IDatumSizer? Sizer { get; init; }

    public async Task<string> RunDryRunAsync(Stream input, MonitorConfig? config = null, AggregationMode mode = AggregationMode.Values)
    {
        var output = new MemoryStream();
        await using (var sink = new DryRunJsonSink(output, Log))
        {
            await RunAsync(input, sink, config, mode);
        }

        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }

    public async Task RunAsync(Stream input, IMetricSink sink, MonitorConfig? config = null, AggregationMode mode = AggregationMode.Values, int maxDocumentBytes = 1 << 20) =>
        await Create(sink, config, mode).RunAsync(input, CancellationToken.None, maxDocumentBytes);

    /// <summary>Runs reading <paramref name="input"/> as a stream, until end of input or <paramref name="stop"/>.</summary>
    public async Task RunAsync(Stream input, IMetricSink sink, CancellationToken stop) =>
        await Create(sink, null, AggregationMode.Values).RunAsync(input, stop);

    /// <summary>Runs with <paramref name="input"/> read on the pipeline's own reading thread, until end of input or <paramref name="stop"/>.</summary>
    public async Task RunAsync(IBlockingInput input, IMetricSink sink, CancellationToken stop, MonitorConfig? config = null) =>
        await Create(sink, config, AggregationMode.Values).RunAsync(input, stop);

    private MetricPipeline Create(IMetricSink sink, MonitorConfig? config, AggregationMode mode)
    {
        var warnings = new RepeatThrottle(Log, Clock, RepeatThrottle.DefaultInterval);
        var queue = new BoundedBatchQueue(100_000, 64L << 20, Statistics, warnings);
        var aggregator = new MetricAggregator(TimeSpan.FromSeconds(60), mode, StorageResolution, maxEntriesPerMetric: MaxEntriesPerMetric);
        var settings = new ReadingSettings
        {
            Config = config ?? MonitorConfig.Default,
            Selection = Selection,
            MetricPatterns = MetricPatterns,
            Naming = Naming,
            Dimensions = Dimensions,
            DiagnosisWindow = aggregator.Interval,
        };
        var stages = new PipelineStages(
            ReportProcessor.Create(settings, aggregator, Statistics, warnings, Log),
            aggregator,
            new PutMetricDataBatcher("Neuron", Sizer ?? new ApproximateSizer()),
            queue,
            sink,
            Statistics,
            Log,
            Clock);
        return new MetricPipeline(stages, new PipelineOptions { StatsInterval = null });
    }

    /// <summary>Small fixed sizes: batching by bytes is tested on its own.</summary>
    private sealed class ApproximateSizer : IDatumSizer
    {
        public int RequestOverhead(string metricNamespace) => 64;

        public int DatumSize(MetricDatum datum, int memberIndex) => 200;
    }
}
