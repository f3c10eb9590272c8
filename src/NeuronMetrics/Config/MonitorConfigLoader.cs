using System.Text.Json;
using System.Text.RegularExpressions;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Config;

/// <summary>
/// Loads a neuron-monitor config (the same file given to neuron-monitor). Accepts every valid
/// neuron-monitor config, plus <c>//</c> comments and trailing commas. Errors name the file and
/// the field; unknown group types only warn (with the closest known name), since neuron-monitor adds
/// groups over time. Bounded: the file size (<see cref="ConfigFileReader"/>), the number of runtime
/// entries and the length of a tag filter are capped, so no config takes seconds or gigabytes.
/// </summary>
public static class MonitorConfigLoader
{
    /// <summary>Runtime entries beyond this are refused: real configs have a handful, and each one costs a compiled regex.</summary>
    public const int MaxRuntimeEntries = 256;

    /// <summary>Longer tag filters are refused: a tag is a short name, and compiling a huge pattern costs memory.</summary>
    public const int MaxTagFilterLength = 1024;

    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static MonitorConfig LoadFile(string path, IDiagnosticLog log) => LoadFile(path, log, ConfigFileReader.DefaultTimeout);

    public static MonitorConfig LoadFile(string path, IDiagnosticLog log, TimeSpan readTimeout) =>
        Load(ConfigFileReader.Read(path, readTimeout), path, log);

    public static MonitorConfig Load(string json, string source, IDiagnosticLog log) => Load(System.Text.Encoding.UTF8.GetBytes(json), source, log);

    public static MonitorConfig Load(ReadOnlyMemory<byte> json, string source, IDiagnosticLog log)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            long line = (ex.LineNumber ?? 0) + 1;
            throw new ConfigException($"{source}:{line}: invalid JSON: {NeuronReportParser.ShortMessage(ex)}");
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement, source, log);
            }
            catch (InvalidOperationException)
            {
                throw new ConfigException($"{source}: a string is not valid UTF-8 text");
            }
        }
    }

    /// <summary>Compiles a tag filter with the linear-time engine, so no pattern can hang the process. It matches as a search.</summary>
    public static Regex CompileTagFilter(string pattern) =>
        // RE2's (?P<name>...) is .NET's (?<name>...). A filter that takes every tag (".*", as in the sample configs) cannot
        // backtrack: building the linear-time engine for it is most of a JIT build's config load (about 50 ms of CPU).
        new(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), (IsMatchAll(pattern) ? RegexOptions.None : RegexOptions.NonBacktracking) | RegexOptions.CultureInvariant, RegexTimeout);

    private static bool IsMatchAll(string pattern) => pattern is ".*" or "^.*" or ".*$";

    private static MonitorConfig Read(JsonElement root, string source, IDiagnosticLog log)
    {
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

            if (runtimesElement.GetArrayLength() > MaxRuntimeEntries)
            {
                throw new ConfigException($"{source}: field 'neuron_runtimes' has {runtimesElement.GetArrayLength()} entries; at most {MaxRuntimeEntries} are supported (one entry with a regex like \"a|b|c\" selects several tags)");
            }

            foreach (var entry in runtimesElement.EnumerateArray())
            {
                runtimes.Add(ReadRuntime(entry, source, $"neuron_runtimes[{runtimes.Count}]", log));
            }

            WarnShadowed(runtimes, source, log);
        }

        var system = new List<string>();
        if (root.TryGetProperty("system_metrics", out var systemElement) && systemElement.ValueKind != JsonValueKind.Null)
        {
            system.AddRange(ReadGroupList(systemElement, source, "system_metrics", log));
        }

        return new MonitorConfig(runtimes, system, period);
    }

    private static RuntimeSelector ReadRuntime(JsonElement entry, string source, string field, IDiagnosticLog log)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new ConfigException($"{source}: field '{field}' must be an object");
        }

        ReadPeriod(entry, source, field + ".period");
        string? pattern = ReadString(entry, "tag_filter", source, field);
        Regex? regex = null;
        if (pattern is not null)
        {
            if (pattern.Length > MaxTagFilterLength)
            {
                throw new ConfigException($"{source}: field '{field}.tag_filter' is {pattern.Length} characters long; at most {MaxTagFilterLength} are supported");
            }

            try
            {
                regex = CompileTagFilter(pattern);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                throw new ConfigException($"{source}: field '{field}.tag_filter': invalid regex \"{pattern}\": {ex.Message}");
            }
        }

        var groups = new List<string>();
        if (entry.TryGetProperty("metrics", out var metrics) && metrics.ValueKind != JsonValueKind.Null)
        {
            groups.AddRange(ReadGroupList(metrics, source, field + ".metrics", log));
        }

        return new RuntimeSelector(regex, groups) { Address = ReadString(entry, "address", source, field), Field = field };
    }

    /// <summary>neuron-monitor applies the first matching entry: one that takes every runtime hides the entries after it.</summary>
    private static void WarnShadowed(List<RuntimeSelector> runtimes, string source, IDiagnosticLog log)
    {
        for (int i = 0; i < runtimes.Count - 1; i++)
        {
            if (runtimes[i] is { TagFilter: null, Address: null })
            {
                log.Write(LogLevel.Warning, $"{source}: field '{runtimes[i].Field}' has neither tag_filter nor address, so it takes every runtime and the {runtimes.Count - 1 - i} entr{(runtimes.Count - 1 - i == 1 ? "y" : "ies")} after it never apply");
                return;
            }
        }
    }

    private static string? ReadString(JsonElement owner, string name, string source, string field)
    {
        if (!owner.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new ConfigException($"{source}: field '{field}.{name}' must be a string");
    }

    private static List<string> ReadGroupList(JsonElement list, string source, string field, IDiagnosticLog log)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new ConfigException($"{source}: field '{field}' must be an array");
        }

        bool system = field == "system_metrics";
        var known = system ? GroupTypeNames.SystemGroups : GroupTypeNames.RuntimeGroups;
        var groups = new List<string>();
        int index = 0;
        foreach (var item in list.EnumerateArray())
        {
            string itemField = $"{field}[{index++}]";
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
                string advice = system
                    ? GroupTypeAdvice.For(name, known, "neuron_runtimes[].metrics", GroupTypeNames.RuntimeGroups)
                    : GroupTypeAdvice.For(name, known, "system_metrics", GroupTypeNames.SystemGroups);
                log.Write(LogLevel.Warning, $"{source}: field '{itemField}.type': unknown metric group \"{name}\" ignored{advice}");
            }
            else if (!groups.Contains(GroupTypeNames.Canonical(name), StringComparer.Ordinal))
            {
                groups.Add(GroupTypeNames.Canonical(name)); // inference_stats (2021–2022 docs) is execution_stats
            }
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
