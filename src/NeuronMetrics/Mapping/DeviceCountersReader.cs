using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// The fast path of <c>neuron_hw_counters</c>' <c>neuron_devices</c> in its usual shape, compact
/// <c>[{"neuron_device_index":0,"mem_ecc_corrected":1,…},{…}]</c>: each device's sums read straight from the bytes.
/// All or nothing: anything else (whitespace, an element that is not a compact object of numbers, a negative counter, an
/// index that is not a plain non-negative int, an empty array, bad JSON) returns false with nothing kept, and the caller
/// reads the array with its validating reader as before.
/// </summary>
internal static class DeviceCountersReader
{
    private static ReadOnlySpan<byte> DeviceIndex => "neuron_device_index"u8;

    /// <summary>
    /// With <paramref name="start"/> at the array's '[': true, the devices in <paramref name="found"/> (cleared first) and
    /// <paramref name="end"/> just past the array's ']', when the whole array has the usual shape.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, int start, List<NumberField> fields, List<DeviceCounters> found, out int end)
    {
        found.Clear();
        end = -1;
        int at = start + 1;
        bool first = true; // after the first device, the previous one's names are tried first: devices repeat them
        while (true)
        {
            if (at >= json.Length || json[at] != (byte)'{' || !NumberObjectReader.TryRead(json, at, fields, out at, namesLikeFound: !first)
                || !TryDevice(json, fields, out var device))
            {
                return false;
            }

            found.Add(device);
            first = false;
            if (!CompactSeparator.TryRead(json, ref at, (byte)']', out bool closed))
            {
                return false;
            }

            if (closed)
            {
                end = at;
                return true;
            }
        }
    }

    private static bool TryDevice(ReadOnlySpan<byte> json, List<NumberField> fields, out DeviceCounters device)
    {
        device = default;
        string index = "";
        var corrected = default(CounterSum);
        var uncorrected = default(CounterSum);
        foreach (var field in fields)
        {
            var name = json[field.Name];
            if (name.SequenceEqual(DeviceIndex))
            {
                // What the token reader's TryGetInt32 takes: an integer (no fraction) that fits an int; none of these is negative.
                if (json[field.Text].Contains((byte)'.') || field.Value > int.MaxValue)
                {
                    return false;
                }

                index = IndexNames.Name((int)field.Value);
            }
            else if (name.SequenceEqual("mem_ecc_corrected"u8) || name.SequenceEqual("sram_ecc_corrected"u8))
            {
                corrected = corrected.Add(field.Value);
            }
            else if (name.SequenceEqual("mem_ecc_uncorrected"u8) || name.SequenceEqual("sram_ecc_uncorrected"u8))
            {
                uncorrected = uncorrected.Add(field.Value);
            }
        }

        device = new DeviceCounters(index, corrected, uncorrected);
        return true;
    }
}
