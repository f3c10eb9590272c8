using System.Text.Json;
using System.Text.Unicode;

namespace NeuronMetrics.Reports;

/// <summary>
/// Reads a report's string values without ever throwing on their content: <see cref="Utf8JsonReader"/>
/// does not check the text inside strings while reading, and <c>GetString</c> throws on invalid
/// UTF-8 or an escaped lone surrogate. Values that would become dimension values must also be free
/// of control characters (an escaped <c>\u0000</c> included): such a value is refused, with the
/// reason, and never sent.
/// </summary>
internal static class JsonStringReader
{
    /// <summary>
    /// With the reader on a string: its text, or null with <paramref name="problem"/> saying why it
    /// cannot be used (invalid UTF-8, an invalid escape, a control character).
    /// </summary>
    public static string? Read(ref Utf8JsonReader reader, out string? problem)
    {
        problem = null;
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            if (raw.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0)
            {
                return reader.GetString(); // printable ASCII: the common case
            }

            if (!Utf8.IsValid(raw))
            {
                problem = "invalid UTF-8";
                return null;
            }
        }

        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            problem = reader.ValueIsEscaped ? "invalid UTF-8 or an invalid \\u escape (lone surrogate)" : "invalid UTF-8";
            return null;
        }

        problem = Problem(text);
        return problem is null ? text : null;
    }

    /// <summary>Why <paramref name="text"/> cannot be a dimension value, or null.</summary>
    public static string? Problem(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsControl(c))
            {
                return $"a control character (U+{(int)c:X4})";
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return "a lone surrogate";
            }
        }

        return null;
    }

    /// <summary>For text that is only shown (error messages): the text, or what is wrong with it.</summary>
    public static string ReadForDisplay(ref Utf8JsonReader reader) =>
        Read(ref reader, out string? problem) ?? $"(text with {problem})";
}
