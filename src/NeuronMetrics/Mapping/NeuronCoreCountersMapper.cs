using System.Text.Json;
using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// <c>neuroncore_counters</c> → <c>NeuronCoreUtilization</c> (Percent) per core in
/// <c>neuroncores_in_use</c>. Only the core's own <c>neuroncore_utilization</c> counts; newer
/// per-core fields and sub-core objects are skipped. Non-finite or out-of-range values are dropped
/// and counted.
/// </summary>
public sealed class NeuronCoreCountersMapper : IGroupMapper
{
    private readonly Dictionary<(Dimension[] Base, string Core), MetricKey> _keys = [];

    public string GroupType => GroupTypeNames.NeuronCoreCounters;

    public void Map(GroupSection group, in MappingContext context, List<MetricSample> output)
    {
        var reader = new Utf8JsonReader(group.Json.Span);
        reader.Read(); // the group's StartObject
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isCores = reader.ValueTextEquals("neuroncores_in_use"u8);
            reader.Read();
            if (isCores && reader.TokenType == JsonTokenType.StartObject)
            {
                ReadCores(ref reader, context, output);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void ReadCores(ref Utf8JsonReader reader, in MappingContext context, List<MetricSample> output)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string core = CoreIndex(ref reader);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isUtilization = reader.ValueTextEquals("neuroncore_utilization"u8);
                reader.Read();
                if (!isUtilization)
                {
                    reader.Skip();
                    continue;
                }

                if (core.Length > 0 && reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double value)
                    && double.IsFinite(value) && value is >= 0 and <= 100)
                {
                    output.Add(new MetricSample(KeyFor(context, core), value, context.Timestamp));
                }
                else
                {
                    context.Statistics.AddValuesDropped();
                    reader.Skip();
                }
            }
        }
    }

    private MetricKey KeyFor(in MappingContext context, string core)
    {
        if (!_keys.TryGetValue((context.BaseDimensions, core), out var key))
        {
            if (_keys.Count >= 4096)
            {
                _keys.Clear();
            }

            key = new MetricKey(
                MetricNames.NeuronCoreUtilization,
                MetricUnit.Percent,
                [.. context.BaseDimensions, new Dimension(DimensionNames.NeuronCore, core)],
                context.Partition);
            _keys[(context.BaseDimensions, core)] = key;
        }

        return key;
    }

    private static readonly string[] SmallIndexes = Enumerable.Range(0, 256).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The core index as its canonical decimal string, or "" when the key is not an index.</summary>
    private static string CoreIndex(ref Utf8JsonReader reader)
    {
        var span = reader.ValueSpan;
        if (!reader.ValueIsEscaped && span.Length is > 0 and <= 4 && System.Buffers.Text.Utf8Parser.TryParse(span, out int index, out int consumed)
            && consumed == span.Length && index >= 0)
        {
            return index < SmallIndexes.Length ? SmallIndexes[index] : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return "";
    }
}
