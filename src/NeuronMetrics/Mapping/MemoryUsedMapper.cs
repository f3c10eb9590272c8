using System.Text.Json;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// <c>memory_used</c> → per runtime <c>NeuronRuntimeHostMemoryUsed</c> (<c>host</c>) and
/// <c>NeuronRuntimeDeviceMemoryUsed</c> (<c>neuron_device</c>, newer <c>device</c>); per core
/// <c>NeuronCoreMemoryUsed</c>: the sum of the categories (constants, model_code, tensors, ...) of
/// <c>usage_breakdown.neuroncore_memory_usage.&lt;core&gt;</c> — one metric per core instead of one
/// per category keeps it cheap. A category of the wrong type drops that core's sum.
/// </summary>
public sealed class MemoryUsedMapper(MetricSampleWriter writer) : IGroupMapper
{
    private readonly List<(string Core, double Total)> _found = [];

    /// <summary>Where the reader's span starts in the group (moves when the fast path steps over the cores).</summary>
    private int _offset;

    public string GroupType => GroupTypeNames.MemoryUsed;

    public void Map(GroupSection group, in MappingContext context, List<MetricSample> output)
    {
        _offset = 0;
        var reader = new Utf8JsonReader(group.Json.Span);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isUsed = reader.ValueTextEquals("neuron_runtime_used_bytes"u8);
            reader.Read();
            if (isUsed && reader.TokenType == JsonTokenType.StartObject)
            {
                ReadUsedBytes(ref reader, group.Json.Span, context, output);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void ReadUsedBytes(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, in MappingContext context, List<MetricSample> output)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("host"u8))
            {
                reader.Read();
                writer.AddFrom(MetricCatalog.NeuronRuntimeHostMemoryUsed, ref reader, context, "", output);
            }
            else if (reader.ValueTextEquals("neuron_device"u8) || reader.ValueTextEquals("device"u8))
            {
                reader.Read();
                writer.AddFrom(MetricCatalog.NeuronRuntimeDeviceMemoryUsed, ref reader, context, "", output);
            }
            else if (reader.ValueTextEquals("usage_breakdown"u8))
            {
                reader.Read();
                ReadBreakdown(ref reader, json, context, output);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private void ReadBreakdown(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, in MappingContext context, List<MetricSample> output)
    {
        if (reader.TokenType != JsonTokenType.StartObject || !writer.IsEnabled(MetricCatalog.NeuronCoreMemoryUsed))
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isCores = reader.ValueTextEquals("neuroncore_memory_usage"u8);
            reader.Read();
            if (!isCores || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            if (CoreMemoryReader.TryRead(json, _offset + (int)reader.TokenStartIndex, _found, out int end))
            {
                foreach (var (core, total) in _found)
                {
                    writer.Add(MetricCatalog.NeuronCoreMemoryUsed, context, core, total, output);
                }

                FastPathResume.SkipTo(ref reader, json, ref _offset, end);
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string core = JsonNumberReader.IndexKey(ref reader);
                reader.Read();
                if (TryReadCoreTotal(ref reader, out double total))
                {
                    writer.Add(MetricCatalog.NeuronCoreMemoryUsed, context, core, total, output);
                }
                else
                {
                    writer.Drop(MetricCatalog.NeuronCoreMemoryUsed, context);
                }
            }
        }
    }

    /// <summary>The sum of a core's categories; a bare number is taken as the total.</summary>
    private static bool TryReadCoreTotal(ref Utf8JsonReader reader, out double total)
    {
        total = 0;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return JsonNumberReader.TryRead(ref reader, out total);
        }

        bool valid = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            reader.Read();
            if (JsonNumberReader.TryRead(ref reader, out double part) && part >= 0)
            {
                total += part;
            }
            else
            {
                valid = false;
            }
        }

        return valid;
    }
}
