using System.Globalization;
using System.Text.Json;
using NeuronMetrics.Input;

namespace NeuronMetrics.Reports;

/// <summary>
/// Reads the top-level structure of a neuron-monitor report with <see cref="Utf8JsonReader"/>:
/// instance info (<c>instance_info</c>, or <c>instance_data</c> as the 2021 docs named it), runtimes,
/// the position of every group (<see cref="GroupSectionReader"/>) and <c>neuron_k8s_info</c>. Group
/// contents are read later only by the mapper that needs them. Tolerant: unknown keys are skipped,
/// a value of the wrong type drops that value, not the report, and a string that is not valid text
/// (invalid UTF-8, a lone surrogate, a control character where a dimension value is read) is
/// refused with a note (<see cref="ReportParseResult.Warning"/>) instead of an exception. A report
/// in the 2020 beta shape (<c>runtime_data</c>) is recognised and refused as pre-release.
/// </summary>
public sealed class NeuronReportParser
{
    private const int MaxCachedTags = 256;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 128 };

    private readonly GroupSectionReader _groups;
    private readonly InstanceInfoReader _instance = new();
    private readonly KubernetesInfoReader _kubernetes = new();
    private readonly Utf8StringCache _tags = new(MaxCachedTags);
    private readonly ParseNotes _notes = new();

    /// <summary>Reads and validates every group.</summary>
    public NeuronReportParser()
    {
        _groups = new GroupSectionReader(null);
    }

    /// <param name="readGroups">Group types (as named in monitor.conf) kept in reports; others are skipped unread.</param>
    public NeuronReportParser(IEnumerable<string> readGroups)
    {
        _groups = new GroupSectionReader([.. readGroups.Select(GroupTypeNames.Canonical).Distinct(StringComparer.Ordinal)]);
    }

    /// <param name="index">The framer's index of <paramref name="json"/> (<see cref="FramedDocument.Index"/>), so that groups nothing reads are not scanned again.</param>
    public ReportParseResult Parse(ReadOnlyMemory<byte> json, NeuronReport report, StructureIndex? index = null)
    {
        report.Reset();
        _groups.Reset(index);
        _notes.Reset();
        var reader = new Utf8JsonReader(json.Span, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                return new ReportParseResult("empty document", 0);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                var kind = reader.TokenType;
                reader.Skip();
                return new ReportParseResult($"JSON {Describe(kind)} is not a neuron-monitor report", 0);
            }

            bool recognized = false, runtimes = false, preRelease = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("neuron_runtime_data"u8))
                {
                    reader.Read();
                    recognized = runtimes = true;
                    ReadRuntimes(ref reader, json, report);
                }
                else if (reader.ValueTextEquals("system_data"u8))
                {
                    reader.Read();
                    recognized = true;
                    _groups.ReadGroups(ref reader, json, report.SystemGroups, report.UnreadGroups);
                }
                else if (reader.ValueTextEquals("instance_info"u8) || reader.ValueTextEquals("instance_data"u8))
                {
                    string block = reader.ValueTextEquals("instance_info"u8) ? "instance_info" : "instance_data";
                    reader.Read();
                    recognized = true;
                    report.Instance = _instance.Read(ref reader, block, _groups.Offset, _notes);
                }
                else if (reader.ValueTextEquals("neuron_k8s_info"u8))
                {
                    reader.Read();
                    report.Kubernetes = _kubernetes.Read(ref reader, json.Span, _groups.Offset, _notes);
                }
                else
                {
                    preRelease |= reader.ValueTextEquals("runtime_data"u8);
                    recognized |= reader.ValueTextEquals("neuron_hardware_info"u8);
                    reader.Read();
                    reader.Skip();
                }
            }

            // Anything after the report's closing brace is an error the reader reports on the next read.
            reader.Read();
            if (preRelease && !runtimes)
            {
                report.Reset();
                return new ReportParseResult("neuron-monitor 2020 beta report (runtime_data, nc_counters): this pre-release format is not supported", 0, PreRelease: true);
            }

            return !recognized
                ? new ReportParseResult("JSON object is not a neuron-monitor report (no neuron_runtime_data, system_data or instance_info)", 0)
                : _notes.Summary is { } warning
                    ? new ReportParseResult(null, json.Span[..(int)_notes.Position].Count((byte)'\n'), warning)
                    : ReportParseResult.Ok;
        }
        catch (JsonException ex)
        {
            report.Reset();
            // The reader does not see the newlines inside skipped groups.
            return new ReportParseResult("invalid JSON: " + ShortMessage(ex), (ex.LineNumber ?? 0) + _groups.SkippedLines);
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader throws this, not a JsonException, when it compares or decodes a string with an escaped lone surrogate.
            report.Reset();
            int at = Math.Min(json.Length, _groups.Offset + (int)reader.TokenStartIndex);
            return new ReportParseResult("invalid JSON: a string with an invalid \\u escape (lone surrogate)", json.Span[..at].Count((byte)'\n'));
        }
    }

    /// <summary>The reader's message without its position (the caller says the line).</summary>
    public static string ShortMessage(JsonException ex)
    {
        string message = ex.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private void ReadRuntimes(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json, NeuronReport report)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip(); // null (no runtimes) or a wrong type
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            var runtime = report.AddRuntime();
            string? refused = null;
            long refusedAt = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("neuron_runtime_tag"u8))
                {
                    reader.Read();
                    runtime.Tag = ReadTag(ref reader, out string? problem) ?? runtime.Tag;
                    (refused, refusedAt) = problem is null ? (refused, refusedAt) : ($"neuron_runtime_tag holds {problem}", _groups.Offset + reader.TokenStartIndex);
                }
                else if (reader.ValueTextEquals("pid"u8))
                {
                    reader.Read();
                    runtime.Pid = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long pid) ? pid : null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("address"u8))
                {
                    reader.Read();
                    runtime.Address = reader.TokenType == JsonTokenType.String ? ReadTag(ref reader, out _) : null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    runtime.Error = GroupSectionReader.ReadError(ref reader);
                }
                else if (reader.ValueTextEquals("report"u8))
                {
                    reader.Read();
                    _groups.ReadGroups(ref reader, json, runtime.Groups, report.UnreadGroups);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (refused is not null)
            {
                _notes.Add($"runtime (pid {runtime.Pid?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}) skipped: its {refused}", refusedAt);
                report.RemoveLastRuntime();
            }
            else if (runtime.Tag.Length == 0 && runtime.Pid is { } p)
            {
                runtime.Tag = _tags.Add(p.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>A tag: a string, or a number (some versions print the pid tag as one); null when empty, absent or not valid text.</summary>
    private string? ReadTag(ref Utf8JsonReader reader, out string? problem)
    {
        problem = null;
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
        {
            reader.Skip();
            return null;
        }

        if (_tags.Find(ref reader) is { } cached)
        {
            return cached;
        }

        string? tag = reader.TokenType == JsonTokenType.Number
            ? System.Text.Encoding.UTF8.GetString(reader.ValueSpan)
            : JsonStringReader.Read(ref reader, out problem);
        return string.IsNullOrEmpty(tag) ? null : _tags.Add(tag);
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => "value",
    };
}
