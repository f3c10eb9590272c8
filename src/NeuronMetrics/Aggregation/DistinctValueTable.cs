namespace NeuronMetrics.Aggregation;

/// <summary>
/// Distinct values with how often each was added, in order of first appearance: one open-addressing array (linear
/// probing) of value/count slots, so a value seen before is found and counted in one cache line (the aggregator adds
/// every sample here; separate index, value and count arrays cost three cache misses an add). <see cref="Clear"/>
/// keeps the array, so a table reused from interval to interval stops allocating once it has grown to its metric's
/// usual number of distinct values.
/// <para>
/// Adds are buffered and looked up in bursts: the aggregator adds one sample to each of its tables per report, with a
/// whole report read in between, so the table is out of the cache at every add (a miss of a few hundred cycles each).
/// Appending to a small buffer touches one line for several adds; a burst of lookups overlaps its misses.
/// <see cref="CountAtMost"/> bounds the distinct count without a burst; everything that reads the table takes one first.
/// </para>
/// </summary>
internal sealed class DistinctValueTable
{
    /// <summary>Slots of a new table: four values at the load bound.</summary>
    private const int InitialSlots = 8;

    /// <summary>Low bits of a slot's packed word: the value's rank in order of first appearance.</summary>
    private const int OrderBits = 24;

    /// <summary>The count's unit in the packed word; 40 bits of count (10^12 samples of one value) are more than an interval gets.</summary>
    private const long CountUnit = 1L << OrderBits;

    private const long OrderMask = CountUnit - 1;

    /// <summary>Distinct values a table can rank (16M): far past any seal bound (the memory would run out first).</summary>
    private const int MaxDistinct = 1 << OrderBits;

    /// <summary>Adds buffered before a burst of lookups: 32 doubles are four cache lines.</summary>
    private const int PendingCapacity = 32;

    /// <summary>Two array references, the count, the shift, the mask and the pending count.</summary>
    private const int TableFields = (2 * 8) + 4 + 4 + 4 + 4;

    /// <summary>A value and its packed count and rank; 16 bytes, so four share a cache line and none straddles two.</summary>
    private struct Slot
    {
        public double Value;

        /// <summary>count × <see cref="CountUnit"/> + rank; 0: the slot is empty (a value held was added at least once).</summary>
        public long Packed;
    }

    // Values added and not yet looked up, in order of addition.
    private readonly double[] _pending = new double[PendingCapacity];
    private int _pendingCount;

    // At most half the slots are used, which keeps probes short.
    private Slot[] _slots = new Slot[InitialSlots];
    private int _mask = InitialSlots - 1;

    // 64 - log2(_slots.Length): the hash takes the top bits of the product, the ones every input bit reaches.
    private int _shift = 64 - 3;

    private int _count;

    /// <summary>Distinct values added (looks up the buffered adds first).</summary>
    public int Count
    {
        get
        {
            TallyPending();
            return _count;
        }
    }

    /// <summary>At least <see cref="Count"/>: the distinct values so far plus the adds not looked up yet. No lookups.</summary>
    public int CountAtMost => _count + _pendingCount;

    /// <summary>Managed bytes this table keeps whatever it holds: its arrays at their capacity (64-bit runtime).</summary>
    public long RetainedBytes => ManagedSize.Object(TableFields) + ManagedSize.Array(_slots.Length, 16)
        + ManagedSize.Array(PendingCapacity, sizeof(double));

    /// <summary>The distinct values in order of first appearance (a copy).</summary>
    public double[] Values
    {
        get
        {
            var values = new double[Count];
            CopyTo(values, new double[Count]);
            return values;
        }
    }

    /// <summary>How often each of <see cref="Values"/> was added (a copy).</summary>
    public double[] Counts
    {
        get
        {
            var counts = new double[Count];
            CopyTo(new double[Count], counts);
            return counts;
        }
    }

    public void Add(double value)
    {
        if (_pendingCount == PendingCapacity)
        {
            TallyPending();
        }

        _pending[_pendingCount++] = value;
    }

    /// <summary>Looks up the buffered adds, in the order they were made.</summary>
    private void TallyPending()
    {
        // First touch the slot each lookup starts at. These loads depend on nothing but the buffered values, so their
        // cache misses overlap (a table is out of the cache by the time its burst comes) and the lookups below, whose
        // branches depend on what they load, find the lines in cache. The check keeps the loads from being dropped.
        var slots = _slots;
        long touched = 0;
        for (int i = 0; i < _pendingCount; i++)
        {
            touched |= slots[Hash(_pending[i] + 0.0, _shift)].Packed;
        }

        if (touched < 0)
        {
            throw new InvalidOperationException("A slot's count overflowed.");
        }

        for (int i = 0; i < _pendingCount; i++)
        {
            Tally(_pending[i]);
        }

        _pendingCount = 0;
    }

    private void Tally(double value)
    {
        // -0.0 and 0.0 are one value (as with double.Equals); adding 0.0 turns -0.0 into 0.0.
        value += 0.0;
        var slots = _slots;
        int mask = _mask;
        for (int slot = Hash(value, _shift); ; slot = (slot + 1) & mask)
        {
            ref var entry = ref slots[slot];
            if (entry.Packed == 0)
            {
                break;
            }

            if (entry.Value.Equals(value))
            {
                entry.Packed += CountUnit;
                return;
            }
        }

        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        if (_count == MaxDistinct)
        {
            throw new InvalidOperationException($"More than {MaxDistinct} distinct values in one interval of one metric.");
        }

        Insert(_slots, _mask, _shift, value, CountUnit | (uint)_count);
        _count++;
    }

    /// <summary>Writes the values and their counts in order of first appearance; both spans hold <see cref="Count"/> entries.</summary>
    public void CopyTo(Span<double> values, Span<double> counts)
    {
        TallyPending();
        values = values[.._count];
        counts = counts[.._count];
        foreach (ref readonly var entry in _slots.AsSpan())
        {
            if (entry.Packed != 0)
            {
                int rank = (int)(entry.Packed & OrderMask);
                values[rank] = entry.Value;
                counts[rank] = entry.Packed >>> OrderBits;
            }
        }
    }

    /// <summary>
    /// <see cref="CopyTo"/> and empty the table in the same pass: each slot is cleared while its line is in cache from
    /// the copy, so emptying costs no second sweep over the array (<see cref="Clear"/> then has nothing to do).
    /// </summary>
    public void MoveTo(Span<double> values, Span<double> counts)
    {
        TallyPending();
        values = values[.._count];
        counts = counts[.._count];
        foreach (ref var entry in _slots.AsSpan())
        {
            if (entry.Packed != 0)
            {
                int rank = (int)(entry.Packed & OrderMask);
                values[rank] = entry.Value;
                counts[rank] = entry.Packed >>> OrderBits;
                entry = default;
            }
        }

        _count = 0;
    }

    /// <summary>Empties the table, keeping its array grown to what this round needed (buffered adds included: after an emit there are none).</summary>
    public void Clear()
    {
        TallyPending();
        if (_count > 0)
        {
            Array.Clear(_slots);
            _count = 0;
        }
    }

    private static void Insert(Slot[] slots, int mask, int shift, double value, long packed)
    {
        int slot = Hash(value, shift);
        while (slots[slot].Packed != 0)
        {
            slot = (slot + 1) & mask;
        }

        slots[slot].Value = value;
        slots[slot].Packed = packed;
    }

    private void Grow()
    {
        var old = _slots;
        var slots = new Slot[old.Length * 2];
        int mask = slots.Length - 1;
        int shift = _shift - 1;
        foreach (ref readonly var entry in old.AsSpan())
        {
            if (entry.Packed != 0)
            {
                Insert(slots, mask, shift, entry.Value, entry.Packed);
            }
        }

        _slots = slots;
        _mask = mask;
        _shift = shift;
    }

    /// <summary>
    /// Fibonacci hashing: the top bits of the product. Round values (integers, few decimals) have
    /// all-zero low mantissa bits, so the low bits of the product would put them all in one slot.
    /// </summary>
    private static int Hash(double value, int shift) =>
        (int)(((ulong)BitConverter.DoubleToInt64Bits(value) * 0x9E3779B97F4A7C15UL) >> shift);
}
