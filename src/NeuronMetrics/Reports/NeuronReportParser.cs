using System.Text.Json;

namespace NeuronMetrics.Reports;

/// <summary>
/// Reads the top-level structure of a neuron-monitor report with <see cref="Utf8JsonReader"/>:
/// instance info, runtimes and the position of every group. Group contents are skipped here and
/// read later only by the mapper that needs them. Tolerant: unknown keys are skipped, and a value
/// of the wrong type drops that value, not the report.
/// Given the groups a run selects, the others are stepped over by their structure alone (brackets
/// and strings, several times faster than validating them) and left out of the report; in the
/// selected ones only the top-level fields are read here, their nested objects and arrays are left
/// to the group mappers, whose readers validate them (see <see cref="Validate"/> for what the
/// pipeline does when one fails). A corrupted byte inside something nothing reads does not cost the report.
/// </summary>
public sealed class NeuronReportParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 128 };

    private readonly string[]? _readGroups;
    private long _skippedLines;

    private string? _lastInstanceId;
    private string? _lastInstanceType;
    private string? _lastRegion;
    private string? _lastZone;
    private InstanceInfo _lastInstance = InstanceInfo.Unknown;
    private readonly Dictionary<string, string> _tags = new(StringComparer.Ordinal);

    /// <summary>Reads and validates every group.</summary>
    public NeuronReportParser()
    {
    }

    /// <param name="readGroups">Group types (as named in monitor.conf) kept in reports; others are skipped unread.</param>
    public NeuronReportParser(IEnumerable<string> readGroups)
    {
        _readGroups = [.. readGroups.Select(GroupTypeNames.Canonical).Distinct(StringComparer.Ordinal)];
    }

    public ReportParseResult Parse(ReadOnlyMemory<byte> json, NeuronReport report)
    {
        report.Reset();
        var reader = new Utf8JsonReader(json.Span, ReaderOptions);
        int offset = 0; // where the reader's span starts in json (moves when unread groups are skipped)
        _skippedLines = 0;
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

            bool recognized = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("neuron_runtime_data"u8))
                {
                    reader.Read();
                    recognized = true;
                    ReadRuntimes(ref reader, json, ref offset, report);
                }
                else if (reader.ValueTextEquals("system_data"u8))
                {
                    reader.Read();
                    recognized = true;
                    ReadGroups(ref reader, json, ref offset, report.SystemGroups);
                }
                else if (reader.ValueTextEquals("instance_info"u8))
                {
                    reader.Read();
                    recognized = true;
                    report.Instance = ReadInstance(ref reader);
                }
                else
                {
                    recognized |= reader.ValueTextEquals("neuron_hardware_info"u8);
                    reader.Read();
                    reader.Skip();
                }
            }

            // Anything after the report's closing brace is an error the reader reports on the next read.
            reader.Read();
            return recognized
                ? ReportParseResult.Ok
                : new ReportParseResult("JSON object is not a neuron-monitor report (no neuron_runtime_data, system_data or instance_info)", 0);
        }
        catch (JsonException ex)
        {
            report.Reset();
            // The reader does not see the newlines inside skipped groups.
            return new ReportParseResult("invalid JSON: " + ShortMessage(ex), (ex.LineNumber ?? 0) + _skippedLines);
        }
    }

    /// <summary>
    /// Checks that the whole document is valid JSON, with the same message and line offset a parse
    /// without a group selection gives. For the rare document whose invalid bytes only a mapper saw.
    /// </summary>
    public static ReportParseResult Validate(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span, ReaderOptions);
        try
        {
            while (reader.Read())
            {
            }

            return ReportParseResult.Ok;
        }
        catch (JsonException ex)
        {
            return new ReportParseResult("invalid JSON: " + ShortMessage(ex), ex.LineNumber ?? 0);
        }
    }

    private void ReadRuntimes(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json, ref int offset, NeuronReport report)
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
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("neuron_runtime_tag"u8))
                {
                    reader.Read();
                    runtime.Tag = ReadTag(ref reader) ?? runtime.Tag;
                }
                else if (reader.ValueTextEquals("pid"u8))
                {
                    reader.Read();
                    runtime.Pid = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long pid) ? pid : null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    runtime.Error = ReadError(ref reader);
                }
                else if (reader.ValueTextEquals("report"u8))
                {
                    reader.Read();
                    ReadGroups(ref reader, json, ref offset, runtime.Groups);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (runtime.Tag.Length == 0 && runtime.Pid is { } p)
            {
                runtime.Tag = CacheTag(p.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private void ReadGroups(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json, ref int offset, List<GroupSection> groups)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string type = GroupTypeNames.Intern(ref reader);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            int start = offset + (int)reader.TokenStartIndex;
            if (!Reads(type) && TrySkipUnread(ref reader, json, ref offset))
            {
                continue;
            }

            string? error = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isError = reader.ValueTextEquals("error"u8);
                reader.Read();
                if (isError)
                {
                    error = ReadError(ref reader);
                }
                else if (_readGroups is null || !TrySkipUnread(ref reader, json, ref offset))
                {
                    // With a group selection, a selected group's nested objects and arrays are left
                    // to its mapper, whose reader validates them: they are not read twice.
                    reader.Skip();
                }
            }

            groups.Add(new GroupSection(type, json[start..(offset + (int)reader.BytesConsumed)], error));
        }
    }

    private bool Reads(string type)
    {
        if (_readGroups is null)
        {
            return true;
        }

        string canonical = GroupTypeNames.Canonical(type);
        foreach (var group in _readGroups)
        {
            if (ReferenceEquals(group, canonical) || string.Equals(group, canonical, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// With the reader on a StartObject or StartArray, moves it to the matching end without reading
    /// what is between: a new reader carrying the current state starts at the closing bracket, which
    /// then reads as the end of an empty object or array. <paramref name="offset"/> is where the
    /// reader's span starts in the document. False (nothing moved) for other tokens and when the
    /// value has no structural end (the validating reader then says what is wrong).
    /// </summary>
    private bool TrySkipUnread(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json, ref int offset)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return false;
        }

        int start = offset + (int)reader.TokenStartIndex;
        int end = JsonValueSkipper.FindEnd(json.Span, start);
        if (end < 0)
        {
            return false;
        }

        _skippedLines += json.Span[start..end].Count((byte)'\n');
        offset = end - 1;
        reader = new Utf8JsonReader(json.Span[offset..], isFinalBlock: true, reader.CurrentState);
        reader.Read(); // the value's EndObject or EndArray
        return true;
    }

    private InstanceInfo ReadInstance(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return InstanceInfo.Unknown;
        }

        string? id = null, type = null, region = null, zone = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("instance_id"u8))
            {
                reader.Read();
                id = ReadCached(ref reader, ref _lastInstanceId);
            }
            else if (reader.ValueTextEquals("instance_type"u8))
            {
                reader.Read();
                type = ReadCached(ref reader, ref _lastInstanceType);
            }
            else if (reader.ValueTextEquals("instance_region"u8))
            {
                reader.Read();
                region = ReadCached(ref reader, ref _lastRegion);
            }
            else if (reader.ValueTextEquals("instance_availability_zone"u8))
            {
                reader.Read();
                zone = ReadCached(ref reader, ref _lastZone);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        var last = _lastInstance;
        if (ReferenceEquals(id, last.InstanceId) && ReferenceEquals(type, last.InstanceType)
            && ReferenceEquals(region, last.Region) && ReferenceEquals(zone, last.AvailabilityZone))
        {
            return last;
        }

        return _lastInstance = new InstanceInfo(id, type, region, zone);
    }

    /// <summary>Reads a non-empty string, reusing the previous report's instance when the bytes are equal.</summary>
    private static string? ReadCached(ref Utf8JsonReader reader, ref string? last)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        if (last is not null && reader.ValueTextEquals(last))
        {
            return last;
        }

        string value = reader.GetString()!;
        if (value.Length == 0)
        {
            return null;
        }

        return last = value;
    }

    private string? ReadTag(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                foreach (var known in _tags.Keys)
                {
                    if (reader.ValueTextEquals(known))
                    {
                        return known;
                    }
                }

                string tag = reader.GetString()!;
                return tag.Length == 0 ? null : CacheTag(tag);
            case JsonTokenType.Number:
                // Some versions print the pid tag as a number.
                return CacheTag(System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
            default:
                reader.Skip();
                return null;
        }
    }

    private string CacheTag(string tag)
    {
        if (_tags.TryGetValue(tag, out var cached))
        {
            return cached;
        }

        if (_tags.Count >= 256)
        {
            _tags.Clear(); // tags that are pids change at every restart; keep the cache bounded
        }

        _tags[tag] = tag;
        return tag;
    }

    private static string? ReadError(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.ValueSpan.Length == 0 && !reader.ValueIsEscaped ? null : NullIfEmpty(reader.GetString());
        }

        reader.Skip();
        return null;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => "value",
    };

    private static string ShortMessage(JsonException ex)
    {
        string message = ex.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
