using System.Text.Json;

namespace NeuronMetrics.Reports;

/// <summary>
/// Reads <c>instance_info</c> (or the 2021 docs' <c>instance_data</c>). Hands out the previous
/// report's <see cref="InstanceInfo"/> when nothing changed, so nothing is allocated per report and
/// what is built from it downstream can be cached by identity. A field holding text that cannot be
/// a dimension value is left out, with a note.
/// </summary>
internal sealed class InstanceInfoReader
{
    private string? _lastId;
    private string? _lastType;
    private string? _lastRegion;
    private string? _lastZone;
    private string? _lastUltraServer;
    private InstanceInfo _last = InstanceInfo.Unknown;

    /// <param name="offset">Where the reader's span starts in the document (for the position of notes).</param>
    public InstanceInfo Read(ref Utf8JsonReader reader, string block, long offset, ParseNotes notes)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return InstanceInfo.Unknown;
        }

        string? id = null, type = null, region = null, zone = null, ultraServer = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("instance_id"u8))
            {
                reader.Read();
                id = ReadCached(ref reader, ref _lastId, notes, block, "instance_id", offset);
            }
            else if (reader.ValueTextEquals("instance_type"u8))
            {
                reader.Read();
                type = ReadCached(ref reader, ref _lastType, notes, block, "instance_type", offset);
            }
            else if (reader.ValueTextEquals("instance_region"u8))
            {
                reader.Read();
                region = ReadCached(ref reader, ref _lastRegion, notes, block, "instance_region", offset);
            }
            else if (reader.ValueTextEquals("instance_availability_zone"u8))
            {
                reader.Read();
                zone = ReadCached(ref reader, ref _lastZone, notes, block, "instance_availability_zone", offset);
            }
            else if (reader.ValueTextEquals("ultraserver_id"u8))
            {
                reader.Read();
                ultraServer = ReadCached(ref reader, ref _lastUltraServer, notes, block, "ultraserver_id", offset);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        var previous = _last;
        if (ReferenceEquals(id, previous.InstanceId) && ReferenceEquals(type, previous.InstanceType) && ReferenceEquals(region, previous.Region)
            && ReferenceEquals(zone, previous.AvailabilityZone) && ReferenceEquals(ultraServer, previous.UltraServerId))
        {
            return previous;
        }

        return _last = new InstanceInfo(id, type, region, zone) { UltraServerId = ultraServer };
    }

    /// <summary>Reads a non-empty string, reusing the previous report's instance when the bytes are equal.</summary>
    private static string? ReadCached(ref Utf8JsonReader reader, ref string? last, ParseNotes notes, string block, string field, long offset)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        if (last is not null && !reader.ValueIsEscaped && reader.ValueTextEquals(last))
        {
            return last;
        }

        string? value = JsonStringReader.Read(ref reader, out string? problem);
        if (problem is not null)
        {
            notes.Add($"{block}.{field} left out: it holds {problem}", offset + reader.TokenStartIndex);
            return null;
        }

        return value!.Length == 0 ? null : last = value;
    }
}
