using System.Text.Json;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// A group's JSON turned out invalid while a mapper read it (the parser leaves selected groups'
/// nested values to the mappers): names the group, so the report can be rejected with the line of
/// the error without reading the document again.
/// </summary>
public sealed class GroupJsonException : Exception
{
    public GroupJsonException(GroupSection group, JsonException inner)
        : base(NeuronReportParser.ShortMessage(inner), inner)
    {
        Group = group;
        LineInGroup = inner.LineNumber ?? 0;
    }

    /// <summary>A string the reader could not decode (an escaped lone surrogate): its line is not known, the group's first is used.</summary>
    public GroupJsonException(GroupSection group, InvalidOperationException inner)
        : base("a string with an invalid \\u escape (lone surrogate)", inner)
    {
        Group = group;
    }

    public GroupSection Group { get; }

    /// <summary>The failure's line within the group's JSON (0-based).</summary>
    public long LineInGroup { get; }
}
