using Amazon;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using NeuronMetrics.CloudWatch.Query;
using NeuronMetrics.CloudWatch.Signing;
using NeuronMetrics.CloudWatch.Transport;
using NeuronMetrics.Model;

namespace NeuronMetrics.Benchmarks;

/// <summary>
/// Encoding one full PutMetricData request (1000 datums, 2 dimensions, 5 Values/Counts each, about
/// 0.8 MB): the Query body, the sizes the batcher asks for, the gzip of the body and its SigV4 signature
/// (AWSSDK.Core's signer, with the body hash computed as the sender does).
/// </summary>
[MemoryDiagnoser]
public class EncoderBenchmarks
{
    private MetricBatch _batch = null!;
    private readonly ReusableBuffer _body = new();
    private readonly ReusableBuffer _compressed = new();
    private readonly BasicAWSCredentials _credentials = new("AKIDEXAMPLE", "benchmark-not-a-secret");
    private readonly Uri _endpoint = new("https://monitoring.us-east-1.amazonaws.com/");
    private readonly KeyValuePair<string, string>[] _headers = [new("Content-Type", HttpTransport.ContentType), new("Content-Encoding", "gzip")];

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
        RequestCompressor.Compress(_body.Span, _compressed);
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

    [Benchmark]
    public async Task<int> Sign()
    {
        var headers = await SigV4RequestSigner.SignAsync(
            HttpMethod.Post, _endpoint, _headers, _compressed.Memory, _credentials, RegionEndpoint.USEast1,
            new DateTime(2026, 11, 28, 17, 0, 0, DateTimeKind.Utc), CancellationToken.None).ConfigureAwait(false);
        return headers.Count;
    }
}
