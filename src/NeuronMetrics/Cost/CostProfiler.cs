using NeuronMetrics.Aggregation;
using NeuronMetrics.Batching;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Input;
using NeuronMetrics.Pipeline;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Cost;

/// <summary>
/// Measures what a configuration sends by replaying a sample through the real stages: one flush
/// interval's worth of reports (cycling through the sample at the report period) goes through the
/// reading step a run uses (<see cref="ReportProcessor"/>) and the batcher, and the resulting datums
/// and requests are counted.
/// </summary>
public sealed class CostProfiler(ReadingSettings settings, PutMetricDataBatcher batcher, AggregationMode mode, TimeSpan flushInterval)
{
    /// <summary>Documents beyond this are ignored: a sample is a handful of reports, not a day of them.</summary>
    public const int MaxSampleReports = 10_000;

    public async Task<CostProfile> ProfileAsync(Stream sample, TimeSpan reportPeriod, CancellationToken cancellationToken = default)
    {
        var documents = await ReadReportsAsync(sample, cancellationToken).ConfigureAwait(false);
        return Profile(documents, reportPeriod);
    }

    /// <summary>Profiles the given report documents, replayed in order (cycling) at <paramref name="reportPeriod"/>.</summary>
    public CostProfile Profile(IReadOnlyList<byte[]> documents, TimeSpan reportPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(reportPeriod, TimeSpan.Zero);
        if (documents.Count == 0)
        {
            throw new InvalidDataException("the sample holds no neuron-monitor report");
        }

        int reportsPerInterval = Math.Max(1, (int)Math.Round(flushInterval / reportPeriod));
        var aggregator = new MetricAggregator(flushInterval, mode);
        var log = NullDiagnosticLog.Instance; // replaying a sample: the run itself says what is wrong with the input
        var processor = ReportProcessor.Create(settings, aggregator, new PipelineStatistics(), new RepeatThrottle(log, TimeProvider.System, RepeatThrottle.DefaultInterval), log);
        var start = DateTimeOffset.UnixEpoch; // aligned to every interval length
        for (int i = 0; i < reportsPerInterval; i++)
        {
            processor.Process(new FramedDocument(documents[i % documents.Count], 1, null), start + TimeSpan.FromTicks(flushInterval.Ticks * i / reportsPerInterval));
        }

        var datums = new List<PartitionedDatum>();
        aggregator.FlushAll(datums);
        var batches = batcher.Batch(datums);

        var inventory = new MetricInventory();
        foreach (var (partition, datum) in datums)
        {
            inventory.Add(partition, datum);
        }

        int instances = inventory.Instances;
        return new CostProfile(
            instances,
            reportsPerInterval,
            inventory.MetricsPerInstance,
            inventory.SharedMetrics,
            (int)Math.Ceiling(datums.Count / (double)instances),
            (int)Math.Ceiling(batches.Count / (double)instances),
            inventory.Names);
    }

    /// <summary>The valid reports of a sample (at most <see cref="MaxSampleReports"/>), each as its own JSON bytes.</summary>
    public static async Task<List<byte[]>> ReadReportsAsync(Stream sample, CancellationToken cancellationToken = default)
    {
        var documents = new List<byte[]>();
        var parser = new NeuronReportParser();
        var report = new NeuronReport();
        using var framer = new JsonDocumentFramer(sample);
        while (documents.Count < MaxSampleReports && await framer.ReadNextAsync(cancellationToken).ConfigureAwait(false) is { } document)
        {
            if (!document.IsRejected && parser.Parse(document.Json, report).IsOk)
            {
                documents.Add(document.Json.ToArray());
            }
        }

        return documents;
    }
}
