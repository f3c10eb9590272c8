using System.Globalization;
using System.Text.Json;
using NeuronMetrics.Model;

namespace NeuronMetrics.CloudWatch.Tests.Fakes;

/// <summary>Reads the batches written by TestData/Encoding/make_golden.py.</summary>
internal static class GoldenBatch
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", file);

    public static MetricBatch Load(string caseName)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(PathOf($"Encoding/{caseName}.json")));
        var root = document.RootElement;
        var data = new List<MetricDatum>();
        foreach (var d in root.GetProperty("data").EnumerateArray())
        {
            var dims = d.TryGetProperty("dims", out var dimsElement)
                ? dimsElement.EnumerateArray().Select(p => new Dimension(p[0].GetString()!, p[1].GetString()!)).ToList()
                : [];
            StatisticSet? stats = d.TryGetProperty("stats", out var s)
                ? new StatisticSet(s[0].GetDouble(), s[1].GetDouble(), s[2].GetDouble(), s[3].GetDouble())
                : null;
            data.Add(new MetricDatum
            {
                MetricName = d.GetProperty("name").GetString()!,
                Dimensions = dims,
                Timestamp = DateTimeOffset.Parse(d.GetProperty("ts").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Unit = d.GetProperty("unit").GetString()!,
                Value = d.TryGetProperty("value", out var v) ? v.GetDouble() : null,
                Values = d.TryGetProperty("values", out var vs) ? vs.EnumerateArray().Select(x => x.GetDouble()).ToList() : null,
                Counts = d.TryGetProperty("counts", out var cs) ? cs.EnumerateArray().Select(x => x.GetDouble()).ToList() : null,
                StatisticValues = stats,
                StorageResolution = d.TryGetProperty("res", out var r) ? r.GetInt32() : 60,
            });
        }

        return new MetricBatch(root.GetProperty("ns").GetString()!, "i-test", data);
    }

    public static byte[] ExpectedBody(string caseName) => File.ReadAllBytes(PathOf($"Encoding/{caseName}.body"));
}
