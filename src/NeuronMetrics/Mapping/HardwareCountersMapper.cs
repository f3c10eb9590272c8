using System.Text.Json;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// <c>neuron_hw_counters</c> → per device of <c>neuron_devices</c>: <c>NeuronDeviceEccCorrected</c>
/// (mem + sram corrected) and <c>NeuronDeviceEccUncorrected</c> (mem + sram uncorrected), the
/// period's counts. A counter of the wrong type drops that sum; a device without a valid
/// <c>neuron_device_index</c> drops both.
/// </summary>
public sealed class HardwareCountersMapper(MetricSampleWriter writer) : IGroupMapper
{
    public string GroupType => GroupTypeNames.HardwareCounters;

    public void Map(GroupSection group, in MappingContext context, List<MetricSample> output)
    {
        var reader = new Utf8JsonReader(group.Json.Span);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isDevices = reader.ValueTextEquals("neuron_devices"u8);
            reader.Read();
            if (!isDevices || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadDevice(ref reader, context, output);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }

    private void ReadDevice(ref Utf8JsonReader reader, in MappingContext context, List<MetricSample> output)
    {
        string device = "";
        var corrected = new Counter();
        var uncorrected = new Counter();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("neuron_device_index"u8))
            {
                reader.Read();
                device = JsonNumberReader.IndexValue(ref reader);
            }
            else if (reader.ValueTextEquals("mem_ecc_corrected"u8) || reader.ValueTextEquals("sram_ecc_corrected"u8))
            {
                reader.Read();
                corrected.Add(ref reader);
            }
            else if (reader.ValueTextEquals("mem_ecc_uncorrected"u8) || reader.ValueTextEquals("sram_ecc_uncorrected"u8))
            {
                reader.Read();
                uncorrected.Add(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        Emit(MetricCatalog.NeuronDeviceEccCorrected, corrected, device, context, output);
        Emit(MetricCatalog.NeuronDeviceEccUncorrected, uncorrected, device, context, output);
    }

    private void Emit(MetricDefinition definition, Counter counter, string device, in MappingContext context, List<MetricSample> output)
    {
        if (!counter.Seen)
        {
            return;
        }

        if (counter.Invalid || device.Length == 0)
        {
            writer.Drop(definition, context);
            return;
        }

        writer.Add(definition, context, device, counter.Sum, output);
    }

    /// <summary>The sum of a device's mem and sram counters.</summary>
    private struct Counter
    {
        public double Sum;
        public bool Seen;
        public bool Invalid;

        public void Add(ref Utf8JsonReader reader)
        {
            Seen = true;
            if (JsonNumberReader.TryRead(ref reader, out double value) && value >= 0)
            {
                Sum += value;
            }
            else
            {
                Invalid = true;
            }
        }
    }
}
