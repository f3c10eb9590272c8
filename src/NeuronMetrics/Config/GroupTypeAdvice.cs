using NeuronMetrics.Reports;

namespace NeuronMetrics.Config;

/// <summary>
/// What to tell someone whose config names a metric group this version does not know: the current
/// name of a group that older neuron-monitor versions named differently, the section a group
/// belongs in, or the closest known name to a typo ("did you mean neuroncore_counters?").
/// </summary>
internal static class GroupTypeAdvice
{
    /// <summary>Names from the 2020 beta and Neuron Runtime 1.x docs, and their current names.</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["nc_counters"] = GroupTypeNames.NeuronCoreCounters,
        ["runtime_cpu_usage"] = GroupTypeNames.RuntimeVcpuUsage,
        ["cpu_usage"] = GroupTypeNames.VcpuUsage,
        ["hw_counters"] = GroupTypeNames.HardwareCounters,
        ["memory"] = GroupTypeNames.MemoryUsed,
    };

    /// <summary>The advice for <paramref name="name"/> found in a list whose valid names are <paramref name="known"/>, or "".</summary>
    public static string For(string name, IReadOnlyList<string> known, string otherSection, IReadOnlyList<string> otherKnown)
    {
        if (otherKnown.Contains(name, StringComparer.Ordinal))
        {
            return $"; it is a group of '{otherSection}': list it there";
        }

        if (Renamed.TryGetValue(name, out string? current))
        {
            return known.Contains(current, StringComparer.Ordinal)
                ? $"; older neuron-monitor versions' name for \"{current}\""
                : $"; older neuron-monitor versions' name for \"{current}\", a group of '{otherSection}'";
        }

        string? closest = null;
        int best = int.MaxValue;
        foreach (string candidate in known)
        {
            int distance = EditDistance(name, candidate);
            if (distance < best)
            {
                (best, closest) = (distance, candidate);
            }
        }

        return closest is not null && best <= Math.Max(2, closest.Length / 3) ? $"; did you mean \"{closest}\"?" : "";
    }

    /// <summary>Levenshtein distance, case-insensitive (names are short; the config is read once).</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
