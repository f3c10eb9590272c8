using System.Text.Json;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// A group's JSON turned out invalid while a mapper read it (the parser leaves selected groups'
/// nested values to the mappers): names the group, so the report can be rejected with the line of
/// the error without reading the document again.
/// </summary>
public sealed class GroupJsonException(GroupSection group, JsonException inner) : Exception(inner.Message, inner)
{
    public GroupSection Group { get; } = group;

    /// <summary>The failure's line within the group's JSON (0-based), as the reader counted it.</summary>
    public long LineInGroup => ((JsonException)InnerException!).LineNumber ?? 0;
}
