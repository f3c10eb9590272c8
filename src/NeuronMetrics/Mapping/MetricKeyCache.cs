using System.Runtime.CompilerServices;
using NeuronMetrics.Model;

namespace NeuronMetrics.Mapping;

/// <summary>
/// The sample writer's first look-up for a key: per metric id and item slot ("" or a small core/device index), the last
/// two keys built, recognised by reference (metric definition, base and placement arrays) and item text — a few
/// compares per sample instead of hashing. Anything else (other items, a physical core, a miss) goes to the writer's
/// dictionary. Bounded: at most two entries per metric and slot. Reading thread only.
/// </summary>
internal sealed class MetricKeyCache
{
    /// <summary>Largest core or device index with a slot (the interned range of <see cref="Reports.IndexNames"/>).</summary>
    public const int MaxIndex = 255;

    /// <summary>Metric ids above this are left to the dictionary (the catalog has a few dozen).</summary>
    private const int MaxMetricId = 1023;

    /// <summary>Room for "" and 16 cores at first; grown as higher indexes come.</summary>
    private const int InitialEntries = 34;

    private Entry[]?[] _byMetric = [];

    /// <summary>
    /// The slot of <paramref name="item"/>: 0 for "", 1 + the index for a canonical index "0" to "255", -1 for anything
    /// else (not cached here).
    /// </summary>
    public static int SlotOf(string item)
    {
        switch (item.Length)
        {
            case 0:
                return 0;
            case 1:
                return (uint)(item[0] - '0') <= 9 ? item[0] - '0' + 1 : -1;
            case 2:
            case 3:
                if (item[0] == '0')
                {
                    return -1;
                }

                int value = 0;
                foreach (char c in item)
                {
                    if ((uint)(c - '0') > 9)
                    {
                        return -1;
                    }

                    value = (value * 10) + (c - '0');
                }

                return value <= MaxIndex ? value + 1 : -1;
            default:
                return -1;
        }
    }

    /// <summary>The key cached for these parts, or null.</summary>
    public MetricKey? Find(MetricDefinition definition, int slot, Dimension[] baseDimensions, Dimension[] placement, string item)
    {
        int id = definition.Id;
        if ((uint)id >= (uint)_byMetric.Length || _byMetric[id] is not { } entries)
        {
            return null;
        }

        int at = slot * 2;
        if (at + 1 >= entries.Length)
        {
            return null;
        }

        if (entries[at].Matches(definition, baseDimensions, placement, item))
        {
            return entries[at].Key;
        }

        if (entries[at + 1].Matches(definition, baseDimensions, placement, item))
        {
            return entries[at + 1].Key;
        }

        return null;
    }

    /// <summary>Keeps <paramref name="key"/> for these parts: the newest in its slot, the older one second, any other dropped.</summary>
    public void Add(MetricDefinition definition, int slot, Dimension[] baseDimensions, Dimension[] placement, string item, MetricKey key)
    {
        int id = definition.Id;
        if ((uint)id > MaxMetricId || (uint)slot > MaxIndex + 1)
        {
            return;
        }

        if (id >= _byMetric.Length)
        {
            Array.Resize(ref _byMetric, id + 1);
        }

        int at = slot * 2;
        var entries = _byMetric[id] ??= new Entry[InitialEntries];
        if (at + 1 >= entries.Length)
        {
            Array.Resize(ref entries, Math.Min(Math.Max(entries.Length * 2, at + 2), (MaxIndex + 2) * 2));
            _byMetric[id] = entries;
        }

        entries[at + 1] = entries[at];
        entries[at] = new Entry(definition, baseDimensions, placement, item, key);
    }

    private readonly record struct Entry(MetricDefinition? Definition, Dimension[] Base, Dimension[] Placement, string Item, MetricKey Key)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Matches(MetricDefinition definition, Dimension[] baseDimensions, Dimension[] placement, string item) =>
            ReferenceEquals(Definition, definition) && ReferenceEquals(Base, baseDimensions) && ReferenceEquals(Placement, placement)
            && string.Equals(Item, item, StringComparison.Ordinal);
    }
}
