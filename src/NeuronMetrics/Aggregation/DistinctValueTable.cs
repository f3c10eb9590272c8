namespace NeuronMetrics.Aggregation;

/// <summary>
/// Distinct values in order of first appearance with how often each was added: parallel arrays
/// and an open-addressing index (linear probing) over them. <see cref="Clear"/> keeps the arrays,
/// so a table reused from interval to interval stops allocating once it has grown to its metric's
/// usual number of distinct values.
/// </summary>
internal sealed class DistinctValueTable
{
    private const int InitialCapacity = 4;

    /// <summary>Three array references, the count and the shift.</summary>
    private const int TableFields = (3 * 8) + 4 + 4;

    private double[] _values = new double[InitialCapacity];
    private double[] _counts = new double[InitialCapacity];

    // Slot holds index + 1 into _values (0 = empty); twice the value capacity keeps probes short.
    private int[] _slots = new int[InitialCapacity * 2];

    // 64 - log2(_slots.Length): the hash takes the top bits of the product, the ones every input bit reaches.
    private int _shift = 64 - 3;

    public int Count { get; private set; }

    /// <summary>Managed bytes this table keeps whatever it holds: its three arrays at their capacity (64-bit runtime).</summary>
    public long RetainedBytes => ManagedSize.Object(TableFields) + ManagedSize.Array(_values.Length, sizeof(double))
        + ManagedSize.Array(_counts.Length, sizeof(double)) + ManagedSize.Array(_slots.Length, sizeof(int));

    public ReadOnlySpan<double> Values => _values.AsSpan(0, Count);

    public ReadOnlySpan<double> Counts => _counts.AsSpan(0, Count);

    public void Add(double value)
    {
        // -0.0 and 0.0 are one value (as with double.Equals); adding 0.0 turns -0.0 into 0.0.
        value += 0.0;
        int mask = _slots.Length - 1;
        for (int slot = Hash(value, _shift); ; slot = (slot + 1) & mask)
        {
            int entry = _slots[slot];
            if (entry == 0)
            {
                break;
            }

            if (_values[entry - 1].Equals(value))
            {
                _counts[entry - 1]++;
                return;
            }
        }

        if (Count == _values.Length)
        {
            Grow();
        }

        _values[Count] = value;
        _counts[Count] = 1;
        Count++;
        Insert(value, Count);
    }

    public void Clear()
    {
        if (Count > 0)
        {
            Array.Clear(_slots);
            Count = 0;
        }
    }

    private void Insert(double value, int entry)
    {
        int mask = _slots.Length - 1;
        int slot = Hash(value, _shift);
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = entry;
    }

    private void Grow()
    {
        int capacity = _values.Length * 2;
        Array.Resize(ref _values, capacity);
        Array.Resize(ref _counts, capacity);
        _slots = new int[capacity * 2];
        _shift--;
        for (int i = 0; i < Count; i++)
        {
            Insert(_values[i], i + 1);
        }
    }

    /// <summary>
    /// Fibonacci hashing: the top bits of the product. Round values (integers, few decimals) have
    /// all-zero low mantissa bits, so the low bits of the product would put them all in one slot.
    /// </summary>
    private static int Hash(double value, int shift) =>
        (int)(((ulong)BitConverter.DoubleToInt64Bits(value) * 0x9E3779B97F4A7C15UL) >> shift);
}
