using NeuronMetrics.Diagnostics;
using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// The dimensions every metric of an instance (and runtime) carries, before the mapper adds its
/// own (such as <c>NeuronCore</c>): the selected instance-level ones (a value the report lacks is
/// left out), then the static ones, then <c>RuntimeTag</c> for runtime groups when selected.
/// Cached: arrays change only when the instance info or runtime tag do, so keys can be cached by
/// array identity downstream. Used on the reading thread only.
/// </summary>
public sealed class DimensionPolicy(DimensionSettings settings, IDiagnosticLog log)
{
    private const int MaxCachedTags = 1024;

    private readonly Dictionary<string, Dimension[]> _byTag = new(StringComparer.Ordinal);
    private readonly HashSet<string> _warnedTags = new(StringComparer.Ordinal);
    private InstanceInfo? _lastInstance;
    private Dimension[] _lastDimensions = [];

    public DimensionPolicy()
        : this(DimensionSettings.Default, NullDiagnosticLog.Instance)
    {
    }

    public DimensionSettings Settings => settings;

    /// <summary>The instance-level dimensions.</summary>
    public Dimension[] For(InstanceInfo instance)
    {
        if (ReferenceEquals(instance, _lastInstance))
        {
            return _lastDimensions;
        }

        var dimensions = new List<Dimension>();
        foreach (string name in settings.Selected)
        {
            string? value = name switch
            {
                DimensionNames.InstanceId => instance.InstanceId,
                DimensionNames.InstanceType => instance.InstanceType,
                DimensionNames.AvailabilityZone => instance.AvailabilityZone,
                DimensionNames.ClusterName => settings.Task?.ClusterName,
                DimensionNames.TaskFamily => settings.Task?.Family,
                _ => null, // RuntimeTag is per runtime
            };
            if (!string.IsNullOrEmpty(value))
            {
                dimensions.Add(new Dimension(name, value));
            }
        }

        dimensions.AddRange(settings.Static);
        _lastDimensions = [.. dimensions];
        _lastInstance = instance;
        _byTag.Clear();
        return _lastDimensions;
    }

    /// <summary>The dimensions of a runtime's groups: <paramref name="instanceDimensions"/> (from <see cref="For(InstanceInfo)"/>) plus RuntimeTag when selected.</summary>
    public Dimension[] For(Dimension[] instanceDimensions, RuntimeData runtime)
    {
        if (!settings.IncludesRuntimeTag || runtime.Tag.Length == 0)
        {
            return instanceDimensions;
        }

        if (!ReferenceEquals(instanceDimensions, _lastDimensions))
        {
            WarnIfPid(runtime);
            return [.. instanceDimensions, new Dimension(DimensionNames.RuntimeTag, runtime.Tag)]; // not this policy's latest array: no caching
        }

        if (_byTag.TryGetValue(runtime.Tag, out var cached))
        {
            return cached;
        }

        if (_byTag.Count >= MaxCachedTags)
        {
            _byTag.Clear();
        }

        WarnIfPid(runtime);
        cached = [.. instanceDimensions, new Dimension(DimensionNames.RuntimeTag, runtime.Tag)];
        _byTag[runtime.Tag] = cached;
        return cached;
    }

    /// <summary>A pid tag changes at every restart, and every new value is a new set of custom metrics.</summary>
    private void WarnIfPid(RuntimeData runtime)
    {
        string tag = runtime.Tag;
        bool looksLikePid = tag.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0
            && (runtime.Pid is not { } pid || string.Equals(pid.ToString(System.Globalization.CultureInfo.InvariantCulture), tag, StringComparison.Ordinal));
        if (!looksLikePid || _warnedTags.Count >= MaxCachedTags || !_warnedTags.Add(tag))
        {
            return;
        }

        log.Write(LogLevel.Warning, $"runtime tag '{tag}' looks like a pid: with the RuntimeTag dimension every restart creates new custom metrics (set NEURON_PROCESS_TAG to a stable name)");
    }
}
