using System.Text.Json;
using NeuronMetrics.Input;

namespace NeuronMetrics.Reports;

/// <summary>
/// Reads an object of metric groups (a runtime's <c>report</c>, or <c>system_data</c>) into
/// <see cref="GroupSection"/>s. Given the groups a run selects, the others are stepped over by their
/// structure alone (<see cref="JsonValueSkipper"/>, several times faster than validating them); in
/// the selected ones only the top-level fields are read here, their nested objects and arrays are
/// left to the group mappers, whose readers validate them. State per document: call
/// <see cref="Reset"/> before each.
/// </summary>
internal sealed class GroupSectionReader(string[]? readGroups)
{
    /// <summary>Where the reader's span starts in the document (moves when values are stepped over).</summary>
    public int Offset { get; private set; }

    /// <summary>Newlines inside values stepped over: the reader does not see them, so its line numbers are short by this many.</summary>
    public long SkippedLines { get; private set; }

    private StructureIndex? _index;

    /// <param name="index">Where the document's shallow values end, or null: they are then found by scanning.</param>
    public void Reset(StructureIndex? index = null)
    {
        Offset = 0;
        SkippedLines = 0;
        _index = index;
    }

    /// <param name="unread">Receives the types of the groups stepped over.</param>
    public void ReadGroups(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json, List<GroupSection> groups, List<string> unread)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string? type = GroupTypeNames.Intern(ref reader);
            reader.Read();
            if (type is null || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip(); // not an object, or a name that is not text (never a group anyone selects)
                continue;
            }

            int start = Offset + (int)reader.TokenStartIndex;
            if (!Reads(type) && TrySkipUnread(ref reader, json.Span))
            {
                unread.Add(type);
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
                else if (readGroups is null || !TrySkipUnread(ref reader, json.Span))
                {
                    // With a group selection, a selected group's nested objects and arrays are left
                    // to its mapper, whose reader validates them: they are not read twice.
                    reader.Skip();
                }
            }

            groups.Add(new GroupSection(type, json[start..(Offset + (int)reader.BytesConsumed)], error));
        }
    }

    /// <summary>A runtime's or group's <c>error</c>: null when empty or not a string.</summary>
    public static string? ReadError(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.ValueSpan.Length == 0 && !reader.ValueIsEscaped ? null : NullIfEmpty(JsonStringReader.ReadForDisplay(ref reader));
        }

        reader.Skip();
        return null;
    }

    /// <summary>
    /// With the reader on a StartObject or StartArray, moves it to the matching end without reading
    /// what is between: a new reader carrying the current state starts at the closing bracket, which
    /// then reads as the end of an empty object or array. False (nothing moved) for other tokens and
    /// when the value has no structural end (the validating reader then says what is wrong).
    /// </summary>
    public bool TrySkipUnread(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return false;
        }

        int start = Offset + (int)reader.TokenStartIndex;
        int newlines = 0; // a document with an index has none
        if (_index is null || !_index.TryFindEnd(start, out int end))
        {
            end = JsonValueSkipper.FindEnd(json, start, out newlines);
        }

        if (end < 0)
        {
            return false;
        }

        SkippedLines += newlines;
        Offset = end - 1;
        reader = new Utf8JsonReader(json[Offset..], isFinalBlock: true, reader.CurrentState);
        reader.Read(); // the value's EndObject or EndArray
        return true;
    }

    private bool Reads(string type)
    {
        if (readGroups is null)
        {
            return true;
        }

        string canonical = GroupTypeNames.Canonical(type);
        foreach (var group in readGroups)
        {
            if (ReferenceEquals(group, canonical) || string.Equals(group, canonical, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
