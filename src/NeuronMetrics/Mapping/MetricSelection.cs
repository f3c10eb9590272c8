namespace NeuronMetrics.Mapping;

/// <summary>
/// Which catalog metrics are sent (for the groups the config enables). Default: every metric that
/// is not opt-in. With <c>--metrics</c> patterns: exactly the metrics they match (globs with * and ?,
/// case-insensitive, against catalog names), opt-in ones included.
/// </summary>
public sealed class MetricSelection
{
    private readonly bool[] _enabled;

    private MetricSelection(bool[] enabled) => _enabled = enabled;

    /// <summary>The default selection, utilization average off.</summary>
    public static MetricSelection Default { get; } = Create(null, instanceAverage: false);

    public bool IsEnabled(MetricDefinition definition) => _enabled[definition.Id];

    public IEnumerable<MetricDefinition> Enabled => MetricCatalog.All.Where(IsEnabled);

    /// <summary>
    /// The selection for <paramref name="patterns"/> (null: the default); <paramref name="instanceAverage"/>
    /// adds <see cref="MetricNames.NeuronCoreUtilizationAverage"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A pattern matches no metric of the catalog.</exception>
    public static MetricSelection Create(IReadOnlyList<string>? patterns, bool instanceAverage)
    {
        var enabled = new bool[MetricCatalog.All.Count];
        foreach (var definition in MetricCatalog.All)
        {
            enabled[definition.Id] = patterns is null && !definition.OptIn;
        }

        foreach (string pattern in patterns ?? [])
        {
            bool any = false;
            foreach (var definition in MetricCatalog.All)
            {
                if (GlobMatches(pattern, definition.Name))
                {
                    enabled[definition.Id] = true;
                    any = true;
                }
            }

            if (!any)
            {
                throw new ArgumentException($"'{pattern}' matches no metric (known: {string.Join(", ", MetricCatalog.All.Select(d => d.Name))})", nameof(patterns));
            }
        }

        if (instanceAverage)
        {
            enabled[MetricCatalog.NeuronCoreUtilizationAverage.Id] = true;
        }

        return new MetricSelection(enabled);
    }

    /// <summary>Whole-name glob match: * any run of characters, ? one character; case-insensitive.</summary>
    public static bool GlobMatches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(name[n])))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
