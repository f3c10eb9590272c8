using System.Text.Json;
using NeuronMetrics.Reports;
using NeuronMetrics.Text;

namespace NeuronMetrics.Mapping;

/// <summary>Reads the numbers and index keys of a group; a value of another type is skipped, never thrown on.</summary>
internal static class JsonNumberReader
{
    /// <summary>
    /// With the reader on a value: true and the value when it is a finite number; otherwise skips
    /// the value (object, array, string, null) and returns false.
    /// </summary>
    public static bool TryRead(ref Utf8JsonReader reader, out double value)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            // The reader validated the token; most numbers take the exact fast path, the others the reader's parser.
            if ((!reader.HasValueSequence && DecimalNumberParser.TryParse(reader.ValueSpan, out value))
                || (reader.TryGetDouble(out value) && double.IsFinite(value)))
            {
                return true;
            }
        }

        value = 0;
        reader.Skip();
        return false;
    }

    /// <summary>
    /// With the reader before a group's object: moves to the value of its top-level property
    /// <paramref name="name"/> (first occurrence); false when the group has none.
    /// </summary>
    public static bool SeekProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        reader.Read(); // the group's StartObject
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool found = reader.ValueTextEquals(name);
            reader.Read();
            if (found)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    /// <summary>Reads the property name a core index ("0", "17") as its canonical decimal string, or "" when it is not an index.</summary>
    public static string IndexKey(ref Utf8JsonReader reader) => IndexKey(ref reader, out _);

    /// <summary>As <see cref="IndexKey(ref Utf8JsonReader)"/>, with the index as a number (-1 when it is not one).</summary>
    public static string IndexKey(ref Utf8JsonReader reader, out int index)
    {
        if (reader.ValueIsEscaped)
        {
            index = -1;
            return "";
        }

        return IndexNames.Parse(reader.ValueSpan, out index);
    }

    /// <summary>With the reader on a value: the canonical string of a non-negative integer index, or "" (value skipped).</summary>
    public static string IndexValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int index) && index >= 0)
        {
            return IndexNames.Name(index);
        }

        reader.Skip();
        return "";
    }
}
