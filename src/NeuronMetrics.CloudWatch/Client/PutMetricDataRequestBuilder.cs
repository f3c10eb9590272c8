using NeuronMetrics.CloudWatch.Query;
using NeuronMetrics.CloudWatch.Transport;
using NeuronMetrics.CloudWatch.Validation;
using NeuronMetrics.Model;

namespace NeuronMetrics.CloudWatch.Client;

/// <summary>
/// The first layer of the client: validates the datums (an invalid one is left out, so it never makes CloudWatch
/// reject the whole request), encodes the Query body and gzips it when large. Buffers are reused across requests:
/// one request at a time.
/// </summary>
internal sealed class PutMetricDataRequestBuilder(RequestCompressor compressor)
{
    private readonly ReusableBuffer _body = new();
    private readonly ReusableBuffer _compressed = new();
    private readonly List<MetricDatum> _valid = [];

    /// <param name="batch">The datums to send.</param>
    /// <param name="now">The service's idea of now (timestamps are checked against it).</param>
    public PutMetricDataRequest Build(MetricBatch batch, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var invalid = new List<string>();
        _valid.Clear();
        foreach (var datum in batch.Data)
        {
            if (DatumValidator.Validate(datum, now) is { } reason)
            {
                invalid.Add($"{datum.MetricName}: {reason}");
            }
            else
            {
                _valid.Add(datum);
            }
        }

        _body.Clear();
        if (_valid.Count == 0)
        {
            return new PutMetricDataRequest(0, invalid, _body, 0, null);
        }

        QueryEncoder.Encode(batch with { Data = _valid }, _body);
        if (!compressor.ShouldCompress(_body.Length))
        {
            return new PutMetricDataRequest(_valid.Count, invalid, _body, _body.Length, null);
        }

        RequestCompressor.Compress(_body.Span, _compressed);
        return new PutMetricDataRequest(_valid.Count, invalid, _compressed, _body.Length, "gzip");
    }
}
