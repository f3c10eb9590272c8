using System.Text.Json;

namespace NeuronMetrics.Reports;

/// <summary>
/// Hands out the same string for the same plain ASCII JSON string value (runtime tags repeat in
/// every report), looked up by the value's bytes, so reading a report does not allocate them.
/// Bounded: cleared when full (tags that are pids change at every restart).
/// </summary>
internal sealed class Utf8StringCache(int capacity)
{
    private readonly Dictionary<int, Entry> _entries = [];

    /// <summary>The cached string for the reader's string value, or null when it is not cached (or not plain ASCII).</summary>
    public string? Find(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return null;
        }

        var bytes = reader.ValueSpan;
        for (var entry = _entries.GetValueOrDefault(Hash(bytes)); entry is not null; entry = entry.Next)
        {
            if (bytes.SequenceEqual(entry.Bytes))
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>Remembers <paramref name="value"/> (printable ASCII only) and returns it.</summary>
    public string Add(string value)
    {
        if (value.AsSpan().IndexOfAnyExceptInRange((char)0x20, (char)0x7E) >= 0)
        {
            return value;
        }

        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(value);
        int hash = Hash(bytes);
        var first = _entries.GetValueOrDefault(hash);
        for (var entry = first; entry is not null; entry = entry.Next)
        {
            if (entry.Value == value)
            {
                return entry.Value;
            }
        }

        _entries[hash] = new Entry(bytes, value, first);
        return value;
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }

    private sealed record Entry(byte[] Bytes, string Value, Entry? Next);
}
