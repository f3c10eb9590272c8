namespace NeuronMetrics.Mapping;

/// <summary>
/// <see cref="SampleCombiner"/>'s map from a key to the position of its first sample in a report: open addressing on
/// the key's stored hash, the same key object recognised by reference before comparing by value, and emptied for the
/// next report by a new stamp instead of clearing. Reading thread only.
/// </summary>
internal sealed class KeySlotTable
{
    private const int InitialCapacity = 256;

    private MetricKey?[] _keys = new MetricKey?[InitialCapacity];
    private int[] _slots = new int[InitialCapacity];
    private int[] _stamps = new int[InitialCapacity];
    private int _stamp;

    /// <summary>Empties the table for up to <paramref name="count"/> keys (at most half full, so probes stay short).</summary>
    public void Begin(int count)
    {
        if (count * 2 > _keys.Length)
        {
            int capacity = _keys.Length;
            while (count * 2 > capacity)
            {
                capacity *= 2;
            }

            _keys = new MetricKey?[capacity];
            _slots = new int[capacity];
            _stamps = new int[capacity];
            _stamp = 0;
        }

        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_stamps);
            _stamp = 1;
        }
    }

    /// <summary>The slot already kept for a key equal to <paramref name="key"/>, or <paramref name="slot"/>, now kept for it.</summary>
    public int FindOrAdd(MetricKey key, int slot)
    {
        int mask = _keys.Length - 1;
        int at = key.GetHashCode() & mask;
        while (_stamps[at] == _stamp)
        {
            var held = _keys[at]!;
            if (ReferenceEquals(held, key) || held.Equals(key))
            {
                return _slots[at];
            }

            at = (at + 1) & mask;
        }

        _stamps[at] = _stamp;
        _keys[at] = key;
        _slots[at] = slot;
        return slot;
    }
}
