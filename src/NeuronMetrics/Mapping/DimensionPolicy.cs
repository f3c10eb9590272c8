using NeuronMetrics.Diagnostics;
using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// The dimensions every metric of an instance (and runtime) carries, before the mapper adds its
/// own (such as <c>NeuronCore</c>): the selected instance-level ones (a value the report lacks is
/// left out), then the static ones, then <c>RuntimeTag</c> for runtime groups when selected. The
/// Kubernetes ones (PodName, Namespace, ContainerName) depend on the core or device and come as
/// <see cref="PlacementDimensions"/>. Cached: arrays change only when the instance info, runtime tag
/// or Kubernetes info do, so keys can be cached by array identity downstream. Reading thread only.
/// </summary>
public sealed class DimensionPolicy(DimensionSettings settings, IDiagnosticLog log)
{
    private const int MaxCachedTags = 1024;

    private readonly Dictionary<string, Dimension[]> _byTag = new(StringComparer.Ordinal);
    private readonly RuntimeTagWarnings _tagWarnings = new(log);
    private readonly string[] _placementNames = [.. settings.Selected.Where(DimensionNames.Placement.Contains)];
    private readonly bool _includesRuntimeTag = settings.IncludesRuntimeTag; // asked per runtime group: a search of the list each time
    private InstanceInfo? _lastInstance;
    private Dimension[] _lastDimensions = [];
    private KubernetesInfo? _lastKubernetes;
    private PlacementDimensions? _lastPlacements;

    public DimensionPolicy()
        : this(DimensionSettings.Default, NullDiagnosticLog.Instance)
    {
    }

    public DimensionSettings Settings => settings;

    /// <summary>Starts a report (runtimes that share a tag are found within one report).</summary>
    public void BeginReport() => _tagWarnings.BeginReport();

    /// <summary>
    /// Whether <paramref name="name"/> is an instance-level dimension (InstanceId, InstanceType, AvailabilityZone,
    /// UltraServerId), and if so its value in <paramref name="instance"/> (null when the report lacks it).
    /// </summary>
    public static bool TryGetInstanceValue(string name, InstanceInfo instance, out string? value)
    {
        (bool known, value) = name switch
        {
            DimensionNames.InstanceId => (true, instance.InstanceId),
            DimensionNames.InstanceType => (true, instance.InstanceType),
            DimensionNames.AvailabilityZone => (true, instance.AvailabilityZone),
            DimensionNames.UltraServerId => (true, instance.UltraServerId),
            _ => (false, null),
        };
        return known;
    }

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
            if (!TryGetInstanceValue(name, instance, out string? value))
            {
                value = name switch
                {
                    DimensionNames.ClusterName => settings.Task?.ClusterName,
                    DimensionNames.TaskFamily => settings.Task?.Family,
                    _ => null, // RuntimeTag is per runtime, the Kubernetes ones per core or device
                };
            }

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
        if (!_includesRuntimeTag || runtime.Tag.Length == 0)
        {
            return instanceDimensions;
        }

        _tagWarnings.Observe(runtime);
        if (!ReferenceEquals(instanceDimensions, _lastDimensions))
        {
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

        cached = [.. instanceDimensions, new Dimension(DimensionNames.RuntimeTag, runtime.Tag)];
        _byTag[runtime.Tag] = cached;
        return cached;
    }

    /// <summary>The selected Kubernetes dimensions per core and device, or null when none is selected or the report has no <c>neuron_k8s_info</c>.</summary>
    public PlacementDimensions? For(KubernetesInfo? kubernetes)
    {
        if (_placementNames.Length == 0 || kubernetes is null)
        {
            return null;
        }

        if (!ReferenceEquals(kubernetes, _lastKubernetes))
        {
            _lastPlacements = new PlacementDimensions(Build(kubernetes.Cores), Build(kubernetes.Devices));
            _lastKubernetes = kubernetes;
        }

        return _lastPlacements;
    }

    private Dictionary<string, Dimension[]> Build(IReadOnlyDictionary<string, KubernetesPlacement> placements)
    {
        var built = new Dictionary<string, Dimension[]>(StringComparer.Ordinal);
        foreach (var (index, placement) in placements)
        {
            var dimensions = new List<Dimension>();
            foreach (string name in _placementNames)
            {
                string? value = name switch
                {
                    DimensionNames.PodName => placement.PodName,
                    DimensionNames.Namespace => placement.Namespace,
                    _ => placement.ContainerName,
                };
                if (!string.IsNullOrEmpty(value))
                {
                    dimensions.Add(new Dimension(name, value));
                }
            }

            if (dimensions.Count > 0)
            {
                built[index] = [.. dimensions];
            }
        }

        return built;
    }
}
