using System.Text.Json;

namespace NeuronMetrics.Mapping;

/// <summary>Carries the token reader on after a value a byte-level fast path has read.</summary>
internal static class FastPathResume
{
    /// <summary>
    /// With the reader on the value's opening token and <paramref name="end"/> just past its closing byte: a reader with
    /// the current state on that closing byte. <paramref name="offset"/> is where the reader's span starts in
    /// <paramref name="json"/>, and moves with it.
    /// </summary>
    public static void SkipTo(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ref int offset, int end)
    {
        offset = end - 1;
        reader = new Utf8JsonReader(json[offset..], isFinalBlock: true, reader.CurrentState);
        reader.Read();
    }
}
