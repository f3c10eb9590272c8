using System.Text;
using System.Text.Json;

namespace NeuronMetrics.Mapping;

/// <summary>
/// The error kinds of <c>error_summary</c> as dimension values: the known ones and up to <see cref="MaxExtraKinds"/> others,
/// interned so that a report allocates no string for them.
/// </summary>
internal sealed class ErrorKindNames
{
    private const int KnownKinds = 6;

    /// <summary>Error kinds beyond the known ones that are remembered (their names are dimension values).</summary>
    private const int MaxExtraKinds = 16;

    private readonly List<string> _kinds = ["generic", "numerical", "transient", "model", "runtime", "hardware"];

    /// <summary>The error kind of the property the reader is on, interned; "" when it is not a plain lowercase name.</summary>
    public string Name(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Name(reader.ValueSpan);
        }

        foreach (string kind in _kinds)
        {
            if (reader.ValueTextEquals(kind))
            {
                return kind;
            }
        }

        return "";
    }

    /// <summary>As <see cref="Name(ref Utf8JsonReader)"/> for a name without escapes.</summary>
    public string Name(ReadOnlySpan<byte> name)
    {
        foreach (string kind in _kinds)
        {
            if (Ascii.Equals(name, kind))
            {
                return kind;
            }
        }

        if (name.Length is 0 or > 32 || name.IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789_"u8) >= 0
            || _kinds.Count >= KnownKinds + MaxExtraKinds)
        {
            return "";
        }

        string added = Encoding.ASCII.GetString(name);
        _kinds.Add(added);
        return added;
    }
}
