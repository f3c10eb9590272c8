using System.Text.Json;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>
/// What a sample file should produce, read straight from the file with System.Text.Json
/// (independently of the code under test): per instance and core, one value per report — the max
/// of the <c>neuroncore_utilization</c> of every runtime without an error that lists the core
/// (every runtime lists every core, with 0 for the ones it does not use). Expects one report per
/// line and a config that selects <c>neuroncore_counters</c> for every runtime, as the bundled
/// samples and configs do.
/// </summary>
internal sealed class SampleExpectations
{
    private SampleExpectations(int reports, Dictionary<CoreUtilization, List<double>> values)
    {
        Reports = reports;
        Values = values;
    }

    public int Reports { get; }

    public IReadOnlyDictionary<CoreUtilization, List<double>> Values { get; }

    public int TotalSamples => Values.Values.Sum(v => v.Count);

    public static SampleExpectations FromFile(string path) => FromLines(File.ReadAllLines(path));

    public static SampleExpectations FromLines(IEnumerable<string> lines)
    {
        int reports = 0;
        var values = new Dictionary<CoreUtilization, List<double>>();
        foreach (string line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var report = JsonDocument.Parse(line);
            reports++;
            var root = report.RootElement;
            string instanceId = root.GetProperty("instance_info").GetProperty("instance_id").GetString()!;
            if (root.GetProperty("neuron_runtime_data") is not { ValueKind: JsonValueKind.Array } runtimes)
            {
                continue;
            }

            var reportMax = new Dictionary<CoreUtilization, double?>();
            foreach (var runtime in runtimes.EnumerateArray())
            {
                if (runtime.GetProperty("error").GetString() is { Length: > 0 }
                    || !runtime.GetProperty("report").TryGetProperty("neuroncore_counters", out var counters)
                    || counters.GetProperty("error").GetString() is { Length: > 0 })
                {
                    continue;
                }

                foreach (var core in counters.GetProperty("neuroncores_in_use").EnumerateObject())
                {
                    var key = new CoreUtilization(instanceId, core.Name);
                    reportMax.TryAdd(key, null);

                    // Only a number is a utilization; anything else is dropped by neuron-cw (and counted).
                    if (core.Value.GetProperty("neuroncore_utilization") is { ValueKind: JsonValueKind.Number } utilization)
                    {
                        reportMax[key] = Math.Max(reportMax[key] ?? double.MinValue, utilization.GetDouble());
                    }
                }
            }

            foreach (var (key, max) in reportMax)
            {
                if (!values.TryGetValue(key, out var list))
                {
                    list = [];
                    values[key] = list;
                }

                if (max is { } value)
                {
                    list.Add(value);
                }
            }
        }

        return new SampleExpectations(reports, values);
    }
}
