using NeuronMetrics.CloudWatch;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Cli;

/// <summary>
/// Reads the dimension options with CloudWatch's rules: <c>--dimensions</c> (the names to send) and
/// <c>--dimension Key=Value</c> (fixed values: extra dimensions, or the instance's own ones when its metadata is missing).
/// </summary>
internal static class DimensionOptionParser
{
    /// <summary>A metric adds at most one dimension of its own (NeuronCore or NeuronDevice).</summary>
    private const int OwnDimensions = 1;

    /// <summary>Instance dimensions a <c>--dimension</c> may fix, e.g. InstanceId in a container without instance metadata.</summary>
    public static readonly IReadOnlyList<string> InstanceLevel = [DimensionNames.InstanceId, DimensionNames.InstanceType, DimensionNames.AvailabilityZone];

    /// <summary>The chosen names in order, or an error. Comma-separated, case-insensitive, each once.</summary>
    public static IReadOnlyList<string> ParseSelected(IEnumerable<string> tokens, out string? error)
    {
        error = null;
        var selected = new List<string>();
        foreach (string item in Split(tokens))
        {
            string? name = DimensionNames.Selectable.FirstOrDefault(d => string.Equals(d, item, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                error = $"--dimensions: unknown dimension '{item}' (expected {string.Join(", ", DimensionNames.Selectable)})";
                return [];
            }

            if (selected.Contains(name))
            {
                error = $"--dimensions: '{name}' given twice";
                return [];
            }

            selected.Add(name);
        }

        return selected;
    }

    /// <summary>The fixed dimensions, or an error naming the bad one. InstanceId, InstanceType and AvailabilityZone keep their canonical spelling.</summary>
    public static IReadOnlyList<Dimension> ParseStatic(IEnumerable<string> tokens, IReadOnlyList<string> selected, out string? error)
    {
        error = null;
        var dimensions = new List<Dimension>();
        foreach (string token in tokens)
        {
            int equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = $"--dimension: '{token}' is not Key=Value";
                return [];
            }

            string name = token[..equals].Trim();
            string value = token[(equals + 1)..];
            if (CloudWatchSinkFactory.ValidateDimension(name, value) is { } invalid)
            {
                error = $"--dimension: {invalid}";
                return [];
            }

            if (name.StartsWith(':') || name.Any(c => c > 127) || value.Any(c => c > 127) || string.IsNullOrWhiteSpace(value))
            {
                error = $"--dimension: '{token}': names and values must be ASCII, with a non-blank value, and names must not start with ':'";
                return [];
            }

            if (name.Any(char.IsControl) || value.Any(char.IsControl))
            {
                error = $"--dimension: '{name}': names and values must not contain control characters";
                return [];
            }

            if (InstanceLevel.FirstOrDefault(d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase)) is { } instanceName)
            {
                name = instanceName;
            }
            else if (DimensionNames.Reserved.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                error = $"--dimension: '{name}' is set by neuron-cw itself (use --dimensions to choose it)";
                return [];
            }

            if (dimensions.Any(d => string.Equals(d.Name, name, StringComparison.Ordinal)))
            {
                error = $"--dimension: '{name}' given twice";
                return [];
            }

            dimensions.Add(new Dimension(name, value));
        }

        int chosen = WithInstanceDimensions(selected, dimensions).Count;
        int extra = dimensions.Count(d => !IsInstanceLevel(d));
        if (chosen + extra + OwnDimensions > CloudWatchLimits.MaxDimensionsPerDatum)
        {
            error = $"--dimension: too many dimensions ({chosen} chosen + {extra} static + {OwnDimensions} per metric; at most {CloudWatchLimits.MaxDimensionsPerDatum})";
            return [];
        }

        return dimensions;
    }

    public static bool IsInstanceLevel(Dimension dimension) => InstanceLevel.Contains(dimension.Name, StringComparer.Ordinal);

    /// <summary>The selected names plus the instance dimensions a <c>--dimension</c> fixed (a fixed InstanceId is sent even if not chosen).</summary>
    public static IReadOnlyList<string> WithInstanceDimensions(IReadOnlyList<string> selected, IEnumerable<Dimension> statics) =>
        [.. selected, .. statics.Where(IsInstanceLevel).Select(d => d.Name).Where(n => !selected.Contains(n, StringComparer.Ordinal))];

    /// <summary>Comma-separated items of every token, trimmed, empty ones left out.</summary>
    public static IEnumerable<string> Split(IEnumerable<string> tokens) =>
        tokens.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
