using BenchmarkDotNet.Attributes;
using NeuronMetrics.CloudWatch.Query;
using NeuronMetrics.CloudWatch.Transport;
using NeuronMetrics.Model;

namespace NeuronMetrics.Benchmarks;

/// <summary>
/// Encoding one full PutMetricData request (1000 datums, 2 dimensions, 5 Values/Counts each, about
/// 0.6 MB): the Query body, the sizes the batcher asks for, and the gzip of the body.
/// </summary>
[MemoryDiagnoser]
public class EncoderBenchmarks
{
    private MetricBatch _batch = null!;
    private readonly ReusableBuffer _body = new();
    private readonly ReusableBuffer _compressed = new();

    [GlobalSetup]
    public void Setup()
    {
        var timestamp = new DateTimeOffset(2026, 11, 28, 17, 0, 0, TimeSpan.Zero);
        var random = new Random(42);
        var data = new List<MetricDatum>(PutMetricDataLimits.MaxDatumsPerRequest);
        for (int i = 0; i < PutMetricDataLimits.MaxDatumsPerRequest; i++)
        {
            var values = Enumerable.Range(0, 5).Select(_ => Math.Round(random.NextDouble() * 100, 6)).ToArray();
            data.Add(new MetricDatum
            {
                MetricName = "NeuronCoreUtilization",
                Dimensions = [new Dimension("InstanceId", "i-0fedcba9876543210"), new Dimension("NeuronCore", (i % 128).ToString(System.Globalization.CultureInfo.InvariantCulture))],
                Timestamp = timestamp,
                Unit = "Percent",
                Values = values,
                Counts = [1, 2, 1, 12, 44],
            });
        }

        _batch = new MetricBatch("Neuron", "i-0fedcba9876543210", data);
        QueryEncoder.Encode(_batch, _body);
    }

    [Benchmark]
    public int Encode()
    {
        QueryEncoder.Encode(_batch, _body);
        return _body.Length;
    }

    [Benchmark]
    public int SizeEveryDatum()
    {
        int total = QueryDatumSizer.Instance.RequestOverhead(_batch.Namespace);
        for (int i = 0; i < _batch.Data.Count; i++)
        {
            total += QueryDatumSizer.Instance.DatumSize(_batch.Data[i], i + 1);
        }

        return total;
    }

    [Benchmark]
    public int Gzip()
    {
        RequestCompressor.Compress(_body.Span, _compressed);
        return _compressed.Length;
    }
}
