using System.Runtime.CompilerServices;
using System.Text.Json;
using NeuronMetrics.Model;

namespace NeuronMetrics.Mapping;

/// <summary>
/// Turns a value of a catalog metric into a sample: skips metrics that are not selected, drops (and
/// counts) values that are non-finite, negative or above the metric's maximum, and builds the key —
/// naming style, Kubernetes placement and the scope's own dimensions included. Keys are cached per
/// base dimension array: the last two per metric and core index by reference (<see cref="MetricKeyCache"/>), the rest
/// in a bounded dictionary. Used by every mapper of a pipeline, on the reading thread only.
/// </summary>
public sealed class MetricSampleWriter(MetricSelection selection, NamingStyle naming)
{
    private const int MaxCachedKeys = 4096;

    private static readonly Dimension[] NoDimensions = [];

    private readonly Dictionary<KeyParts, MetricKey> _keys = [];
    private readonly MetricKeyCache _recent = new();

    public MetricSelection Selection => selection;

    public NamingStyle Naming => naming;

    public bool IsEnabled(MetricDefinition definition) => selection.IsEnabled(definition);

    /// <summary>
    /// Adds <paramref name="value"/> for <paramref name="item"/> (core or device index, error kind;
    /// "" for runtime and instance metrics) when the metric is selected and the value is valid.
    /// </summary>
    public void Add(MetricDefinition definition, in MappingContext context, string item, double value, List<MetricSample> output) =>
        Add(definition, context, item, "", value, output);

    /// <summary>As <see cref="Add(MetricDefinition, in MappingContext, string, double, List{MetricSample})"/> for a physical core <paramref name="physical"/> of logical core <paramref name="core"/>.</summary>
    public void Add(MetricDefinition definition, in MappingContext context, string core, string physical, double value, List<MetricSample> output)
    {
        if (!selection.IsEnabled(definition))
        {
            return;
        }

        bool needsItem = definition.Scope is not (MetricScope.Instance or MetricScope.Runtime);
        if (!double.IsFinite(value) || value < 0 || value > definition.Maximum
            || (needsItem && core.Length == 0) || (definition.Scope == MetricScope.PhysicalCore && physical.Length == 0))
        {
            context.Statistics.AddValuesDropped();
            return;
        }

        output.Add(new MetricSample(KeyFor(definition, context, core, physical), value, context.Timestamp));
    }

    /// <summary>With the reader on a value: adds it when it is a valid number, otherwise skips it and counts a drop.</summary>
    public void AddFrom(MetricDefinition definition, ref Utf8JsonReader reader, in MappingContext context, string item, List<MetricSample> output)
    {
        if (!selection.IsEnabled(definition))
        {
            reader.Skip();
            return;
        }

        if (JsonNumberReader.TryRead(ref reader, out double value))
        {
            Add(definition, context, item, value, output);
        }
        else
        {
            context.Statistics.AddValuesDropped();
        }
    }

    /// <summary>
    /// With the reader on an object: one sample per field named in <paramref name="fields"/>; other
    /// fields are skipped. Anything but an object is skipped whole.
    /// </summary>
    public void AddFields(ref Utf8JsonReader reader, ReadOnlySpan<FieldMetric> fields, in MappingContext context, List<MetricSample> output)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            MetricDefinition? definition = null;
            foreach (var field in fields)
            {
                if (reader.ValueTextEquals(field.Field))
                {
                    definition = field.Metric;
                    break;
                }
            }

            reader.Read();
            if (definition is null)
            {
                reader.Skip();
            }
            else
            {
                AddFrom(definition, ref reader, context, "", output);
            }
        }
    }

    /// <summary>Counts a value of <paramref name="definition"/> that could not be read, when the metric is selected.</summary>
    public void Drop(MetricDefinition definition, in MappingContext context)
    {
        if (selection.IsEnabled(definition))
        {
            context.Statistics.AddValuesDropped();
        }
    }

    private MetricKey KeyFor(MetricDefinition definition, in MappingContext context, string item, string physical)
    {
        var placement = definition.Scope switch
        {
            MetricScope.NeuronCore or MetricScope.PhysicalCore => context.Placements?.ForCore(item) ?? NoDimensions,
            MetricScope.NeuronDevice => context.Placements?.ForDevice(item) ?? NoDimensions,
            _ => NoDimensions,
        };
        int slot = physical.Length == 0 ? MetricKeyCache.SlotOf(item) : -1;
        if (slot >= 0 && _recent.Find(definition, slot, context.BaseDimensions, placement, item) is { } recent)
        {
            return recent;
        }

        var key = KeyFromTable(definition, context, placement, item, physical);
        if (slot >= 0)
        {
            _recent.Add(definition, slot, context.BaseDimensions, placement, item, key);
        }

        return key;
    }

    private MetricKey KeyFromTable(MetricDefinition definition, in MappingContext context, Dimension[] placement, string item, string physical)
    {
        var parts = new KeyParts(definition.Id, context.BaseDimensions, placement, item, physical);
        if (_keys.TryGetValue(parts, out var key))
        {
            return key;
        }

        if (_keys.Count >= MaxCachedKeys)
        {
            _keys.Clear(); // base arrays change with instance info and runtime tags; stay bounded
        }

        string name = MetricDimensionPlanner.MetricName(definition, naming, item);
        Dimension[] own = MetricDimensionPlanner.OwnDimensions(definition, naming, item, physical);
        var dimensions = placement.Length == 0 && own.Length == 0 ? context.BaseDimensions : [.. context.BaseDimensions, .. placement, .. own];
        key = new MetricKey(name, definition.Unit, dimensions, context.Partition, definition.Merge);
        _keys[parts] = key;
        return key;
    }

    /// <summary>Arrays compare by reference (as a record would), strings by content with a cheap non-randomized hash: the lookup runs for every sample.</summary>
    private readonly record struct KeyParts(int Id, Dimension[] Base, Dimension[] Placement, string Item, string Physical)
    {
        public bool Equals(KeyParts other) => Id == other.Id && ReferenceEquals(Base, other.Base) && ReferenceEquals(Placement, other.Placement)
            && string.Equals(Item, other.Item, StringComparison.Ordinal) && string.Equals(Physical, other.Physical, StringComparison.Ordinal);

        public override int GetHashCode() => HashCode.Combine(Id, RuntimeHelpers.GetHashCode(Base), RuntimeHelpers.GetHashCode(Placement), Hash(Item), Hash(Physical));

        private static int Hash(string text)
        {
            int hash = text.Length;
            foreach (char c in text)
            {
                hash = (hash * 31) + c;
            }

            return hash;
        }
    }
}
