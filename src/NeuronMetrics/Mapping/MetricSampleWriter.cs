using System.Text.Json;
using NeuronMetrics.Model;

namespace NeuronMetrics.Mapping;

/// <summary>
/// Turns a value of a catalog metric into a sample: skips metrics that are not selected, drops (and
/// counts) values that are non-finite, negative or above the metric's maximum, and builds the key —
/// naming style and the scope's own dimension included. Keys are cached per base dimension array.
/// Used by every mapper of a pipeline, on the reading thread only.
/// </summary>
public sealed class MetricSampleWriter(MetricSelection selection, NamingStyle naming)
{
    private const int MaxCachedKeys = 4096;

    private readonly Dictionary<(int Id, Dimension[] Base, string Item), MetricKey> _keys = [];

    public MetricSelection Selection => selection;

    public NamingStyle Naming => naming;

    public bool IsEnabled(MetricDefinition definition) => selection.IsEnabled(definition);

    /// <summary>
    /// Adds <paramref name="value"/> for <paramref name="item"/> (core or device index; "" for
    /// runtime and instance metrics) when the metric is selected and the value is valid.
    /// </summary>
    public void Add(MetricDefinition definition, in MappingContext context, string item, double value, List<MetricSample> output)
    {
        if (!selection.IsEnabled(definition))
        {
            return;
        }

        if (!double.IsFinite(value) || value < 0 || value > definition.Maximum
            || (item.Length == 0 && definition.Scope is MetricScope.NeuronCore or MetricScope.NeuronDevice))
        {
            context.Statistics.AddValuesDropped();
            return;
        }

        output.Add(new MetricSample(KeyFor(definition, context, item), value, context.Timestamp));
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

    private MetricKey KeyFor(MetricDefinition definition, in MappingContext context, string item)
    {
        var cacheKey = (definition.Id, context.BaseDimensions, item);
        if (_keys.TryGetValue(cacheKey, out var key))
        {
            return key;
        }

        if (_keys.Count >= MaxCachedKeys)
        {
            _keys.Clear(); // base arrays change with instance info and runtime tags; stay bounded
        }

        key = definition.Scope switch
        {
            MetricScope.NeuronCore when naming == NamingStyle.Legacy => new MetricKey(
                definition.Name + MetricNames.LegacyCoreSuffix + item, definition.Unit, context.BaseDimensions, context.Partition),
            MetricScope.NeuronCore => new MetricKey(
                definition.Name, definition.Unit, [.. context.BaseDimensions, new Dimension(DimensionNames.NeuronCore, item)], context.Partition),
            MetricScope.NeuronDevice => new MetricKey(
                definition.Name, definition.Unit, [.. context.BaseDimensions, new Dimension(DimensionNames.NeuronDevice, item)], context.Partition),
            _ => new MetricKey(definition.Name, definition.Unit, context.BaseDimensions, context.Partition),
        };
        _keys[cacheKey] = key;
        return key;
    }
}
