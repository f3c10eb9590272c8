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
    private readonly List<NumberField> _fields = [];
    private readonly List<DeviceCounters> _found = [];

    public string GroupType => GroupTypeNames.HardwareCounters;

    public void Map(GroupSection group, in MappingContext context, List<MetricSample> output)
    {
        var json = group.Json.Span;
        var reader = new Utf8JsonReader(json);
        int offset = 0; // where the reader's span starts in the group (moves when the fast path steps over the devices)
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

            if (DeviceCountersReader.TryRead(json, offset + (int)reader.TokenStartIndex, _fields, _found, out int end))
            {
                foreach (var device in _found)
                {
                    Emit(MetricCatalog.NeuronDeviceEccCorrected, device.Corrected, device.Device, context, output);
                    Emit(MetricCatalog.NeuronDeviceEccUncorrected, device.Uncorrected, device.Device, context, output);
                }

                FastPathResume.SkipTo(ref reader, json, ref offset, end);
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
        var corrected = default(CounterSum);
        var uncorrected = default(CounterSum);
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
                corrected = Read(ref reader, corrected);
            }
            else if (reader.ValueTextEquals("mem_ecc_uncorrected"u8) || reader.ValueTextEquals("sram_ecc_uncorrected"u8))
            {
                reader.Read();
                uncorrected = Read(ref reader, uncorrected);
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

    private void Emit(MetricDefinition definition, CounterSum counter, string device, in MappingContext context, List<MetricSample> output)
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

    private static CounterSum Read(ref Utf8JsonReader reader, CounterSum counter) =>
        JsonNumberReader.TryRead(ref reader, out double value) ? counter.Add(value) : counter.AddInvalid();
}
