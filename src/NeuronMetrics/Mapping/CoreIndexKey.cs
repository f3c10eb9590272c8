using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>The compact-shape fast paths' core index key: <c>"17":</c>, digits only, no leading zero.</summary>
internal static class CoreIndexKey
{
    /// <summary>Reads the key and its colon at <paramref name="at"/>; false for any other shape (the caller falls back).</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, ref int at, out string core, out int index)
    {
        // The value is taken while the digits are checked: no slice and no general parse for a key of one to four digits.
        core = "";
        index = 0;
        int i = at;
        if ((uint)i >= (uint)json.Length || json[i] != (byte)'"')
        {
            return false;
        }

        int keyStart = ++i;
        int value = 0;
        while ((uint)i < (uint)json.Length && (uint)(json[i] - '0') <= 9 && i - keyStart < IndexNames.MaxDigits)
        {
            value = (value * 10) + (json[i] - '0');
            i++;
        }

        int length = i - keyStart;
        if (length == 0 || (length > 1 && json[keyStart] == (byte)'0') || (uint)(i + 1) >= (uint)json.Length
            || json[i] != (byte)'"' || json[i + 1] != (byte)':')
        {
            return false; // also a fifth digit: not an index (IndexNames.MaxDigits)
        }

        core = IndexNames.Name(value);
        index = value;
        at = i + 2;
        return true;
    }
}
