using System.Text;
using System.Text.Json;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Dispatch;
using NeuronMetrics.Model;

namespace NeuronMetrics.Sinks;

/// <summary>
/// Writes CloudWatch Embedded Metric Format documents, one JSON object per line, for a log agent
/// (CloudWatch agent, Fluent Bit, the awslogs/awsfirelens drivers) to ship to CloudWatch Logs, which
/// extracts the metrics. Needs no AWS credentials.
/// <list type="bullet">
/// <item>Datums with the same dimensions and timestamp share a document (one directive, at most
/// <see cref="EmfLimits.MaxMetricsPerDirective"/> metrics); a metric name seen twice starts a new document.</item>
/// <item>Values/Counts are expanded: each value repeated count times (EMF arrays have no counts),
/// at most <see cref="EmfLimits.MaxValuesPerMetric"/> per document, further ones in further documents.</item>
/// <item>EMF has no statistic sets. A StatisticSet of n samples becomes n values [min, max, and n−2
/// copies of (sum−min−max)/(n−2)]: SampleCount, Sum, Minimum, Maximum and Average stay exact (up
/// to floating-point rounding); percentiles of such a metric are not meaningful (they never were for
/// statistic sets).</item>
/// </list>
/// </summary>
public sealed class EmfSink : IMetricSink
{
    private readonly Stream _output;
    private readonly IDiagnosticLog _log;
    private readonly Utf8JsonWriter _writer;
    private readonly Dictionary<string, List<MetricDatum>> _groups = new(StringComparer.Ordinal);
    private readonly List<List<MetricDatum>> _order = [];
    private readonly StringBuilder _key = new();

    public EmfSink(Stream output, IDiagnosticLog log)
    {
        _output = output;
        _log = log;
        _writer = new Utf8JsonWriter(output);
    }

    public async Task<SinkResult> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var data = batch.Batch.Data;
        int documents = 0;
        try
        {
            Group(data);
            foreach (var group in _order)
            {
                foreach (var document in EmfDocumentPlanner.Plan(group))
                {
                    _writer.Reset(_output);
                    Write(batch.Batch.Namespace, document);
                    await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                    _output.WriteByte((byte)'\n');
                    documents++;
                }
            }

            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // Documents already flushed may have reached the agent, but none can be told apart: the batch counts as lost.
            return StandardOutput.WriteFailed(ex, data.Count, _log) with { Requests = documents };
        }

        return SinkResult.Delivered(data.Count, documents);
    }

    /// <summary>Datums grouped by (timestamp in ms, dimension names and values), in first-seen order.</summary>
    private void Group(IReadOnlyList<MetricDatum> data)
    {
        _groups.Clear();
        _order.Clear();
        foreach (var datum in data)
        {
            _key.Clear();
            _key.Append(datum.Timestamp.ToUnixTimeMilliseconds());
            foreach (var dimension in datum.Dimensions)
            {
                _key.Append('\u0001').Append(dimension.Name).Append('\u0002').Append(dimension.Value);
            }

            var key = _key.ToString();
            if (!_groups.TryGetValue(key, out var group))
            {
                group = [];
                _groups[key] = group;
                _order.Add(group);
            }

            group.Add(datum);
        }
    }

    private void Write(string metricNamespace, EmfDocument document)
    {
        var first = document.Metrics[0].Datum;
        var w = _writer;
        w.WriteStartObject();
        w.WriteStartObject("_aws");
        w.WriteNumber("Timestamp", first.Timestamp.ToUnixTimeMilliseconds());
        w.WriteStartArray("CloudWatchMetrics");
        w.WriteStartObject();
        w.WriteString("Namespace", metricNamespace);
        w.WriteStartArray("Dimensions");
        w.WriteStartArray();
        foreach (var dimension in first.Dimensions)
        {
            w.WriteStringValue(dimension.Name);
        }

        w.WriteEndArray();
        w.WriteEndArray();
        w.WriteStartArray("Metrics");
        foreach (var metric in document.Metrics)
        {
            w.WriteStartObject();
            w.WriteString("Name", metric.Datum.MetricName);
            w.WriteString("Unit", metric.Datum.Unit);
            if (metric.Datum.StorageResolution != 60)
            {
                w.WriteNumber("StorageResolution", metric.Datum.StorageResolution);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();

        foreach (var dimension in first.Dimensions)
        {
            w.WriteString(dimension.Name, dimension.Value);
        }

        foreach (var metric in document.Metrics)
        {
            if (metric.Values.Count == 1)
            {
                w.WriteNumber(metric.Datum.MetricName, metric.Values[0]);
                continue;
            }

            w.WriteStartArray(metric.Datum.MetricName);
            foreach (double value in metric.Values)
            {
                w.WriteNumberValue(value);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            await _output.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Already reported by the write that failed.
        }
    }
}
