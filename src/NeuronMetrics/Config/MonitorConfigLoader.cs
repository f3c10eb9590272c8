using System.Text.Json;
using System.Text.RegularExpressions;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Config;

/// <summary>
/// Loads a neuron-monitor config (the same file given to neuron-monitor). Accepts every valid
/// neuron-monitor config, plus <c>//</c> comments and trailing commas. Errors name the file and
/// the field; unknown group types only warn, since neuron-monitor adds groups over time.
/// </summary>
public static class MonitorConfigLoader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static MonitorConfig LoadFile(string path, IDiagnosticLog log)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read config: {ex.Message}");
        }

        return Load(text, path, log);
    }

    public static MonitorConfig Load(string json, string source, IDiagnosticLog log)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            long line = (ex.LineNumber ?? 0) + 1;
            throw new ConfigException($"{source}:{line}: invalid JSON: {ex.Message.Split(" LineNumber:")[0]}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigException($"{source}: the top level must be an object");
            }

            TimeSpan? period = ReadPeriod(root, source, "period");
            var runtimes = new List<RuntimeSelector>();
            if (root.TryGetProperty("neuron_runtimes", out var runtimesElement) && runtimesElement.ValueKind != JsonValueKind.Null)
            {
                if (runtimesElement.ValueKind != JsonValueKind.Array)
                {
                    throw new ConfigException($"{source}: field 'neuron_runtimes' must be an array");
                }

                int index = 0;
                foreach (var entry in runtimesElement.EnumerateArray())
                {
                    runtimes.Add(ReadRuntime(entry, source, $"neuron_runtimes[{index}]", log));
                    index++;
                }
            }

            var system = new List<string>();
            if (root.TryGetProperty("system_metrics", out var systemElement) && systemElement.ValueKind != JsonValueKind.Null)
            {
                system.AddRange(ReadGroupList(systemElement, source, "system_metrics", GroupTypeNames.SystemGroups, log));
            }

            return new MonitorConfig(runtimes, system, period);
        }
    }

    /// <summary>Compiles a tag filter with the linear-time engine, so no pattern can hang the process.</summary>
    public static Regex CompileTagFilter(string pattern)
    {
        // Checked alone first, so that a pattern like "a)|(b" cannot become valid once wrapped.
        _ = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, RegexTimeout);

        // Anchored like RE2::FullMatch: a filter "1" takes tag "1", not "11".
        return new Regex($"^(?:{pattern})$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, RegexTimeout);
    }

    private static RuntimeSelector ReadRuntime(JsonElement entry, string source, string field, IDiagnosticLog log)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new ConfigException($"{source}: field '{field}' must be an object");
        }

        ReadPeriod(entry, source, field + ".period");
        string pattern = ".*";
        if (entry.TryGetProperty("tag_filter", out var filterElement) && filterElement.ValueKind != JsonValueKind.Null)
        {
            if (filterElement.ValueKind != JsonValueKind.String)
            {
                throw new ConfigException($"{source}: field '{field}.tag_filter' must be a string");
            }

            pattern = filterElement.GetString()!;
        }

        Regex regex;
        try
        {
            regex = CompileTagFilter(pattern);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new ConfigException($"{source}: field '{field}.tag_filter': invalid regex \"{pattern}\": {ex.Message}");
        }

        var groups = new List<string>();
        if (entry.TryGetProperty("metrics", out var metrics) && metrics.ValueKind != JsonValueKind.Null)
        {
            groups.AddRange(ReadGroupList(metrics, source, field + ".metrics", GroupTypeNames.RuntimeGroups, log));
        }

        return new RuntimeSelector(regex, groups);
    }

    private static List<string> ReadGroupList(JsonElement list, string source, string field, IReadOnlyList<string> known, IDiagnosticLog log)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new ConfigException($"{source}: field '{field}' must be an array");
        }

        var groups = new List<string>();
        int index = 0;
        foreach (var item in list.EnumerateArray())
        {
            string itemField = $"{field}[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigException($"{source}: field '{itemField}' must be an object");
            }

            if (!item.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString()!.Length == 0)
            {
                throw new ConfigException($"{source}: field '{itemField}.type' must be a non-empty string");
            }

            ReadPeriod(item, source, itemField + ".period");
            string name = type.GetString()!;
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                log.Write(LogLevel.Warning, $"{source}: field '{itemField}.type': unknown metric group \"{name}\" ignored");
            }
            else if (!groups.Contains(name, StringComparer.Ordinal))
            {
                groups.Add(name);
            }

            index++;
        }

        return groups;
    }

    private static TimeSpan? ReadPeriod(JsonElement owner, string source, string field)
    {
        if (!owner.TryGetProperty("period", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        string? text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (!DurationParser.TryParse(text, out var period))
        {
            throw new ConfigException($"{source}: field '{field}': invalid period {element.GetRawText()} (expected e.g. \"1s\", \"500ms\", \"1m\")");
        }

        return period;
    }
}
