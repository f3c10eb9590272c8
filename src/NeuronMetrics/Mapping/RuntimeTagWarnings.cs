using System.Globalization;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Mapping;

/// <summary>
/// What is worth saying about runtime tags once they are a dimension: a tag that is a pid (all
/// digits: neuron-monitor's default, or a container-local pid like "1") changes at every restart
/// and mints new custom metrics; several runtimes sharing one tag in a report land in one series.
/// Each is said once per tag. Reading thread only.
/// </summary>
internal sealed class RuntimeTagWarnings(IDiagnosticLog log)
{
    private const int MaxRemembered = 1024;

    private readonly HashSet<string> _pidWarned = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sharedWarned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RuntimeData> _owners = new(StringComparer.Ordinal);

    /// <summary>Starts a report: tags are shared only within one.</summary>
    public void BeginReport() => _owners.Clear();

    /// <summary>Notes that <paramref name="runtime"/> sends with its tag as a dimension in this report.</summary>
    public void Observe(RuntimeData runtime)
    {
        if (_owners.TryGetValue(runtime.Tag, out var owner))
        {
            if (!SameProcess(owner, runtime) && Remember(_sharedWarned, runtime.Tag))
            {
                log.Write(LogLevel.Warning, $"several runtimes share the tag '{runtime.Tag}' (pids {Pid(owner)} and {Pid(runtime)}): with the RuntimeTag dimension they are combined into one series (per metric: max or sum, see the README); give each process its own NEURON_PROCESS_TAG");
            }

            return;
        }

        if (_owners.Count < MaxRemembered)
        {
            _owners[runtime.Tag] = runtime;
        }

        WarnIfPid(runtime);
    }

    private void WarnIfPid(RuntimeData runtime)
    {
        string tag = runtime.Tag;
        if (tag.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0 || !Remember(_pidWarned, tag))
        {
            return;
        }

        string where = runtime.Pid is { } pid && pid.ToString(CultureInfo.InvariantCulture) != tag
            ? $" (a container-local pid: the process is pid {pid} on the host)"
            : "";
        log.Write(LogLevel.Warning, $"runtime tag '{tag}' is a pid{where}: with the RuntimeTag dimension every restart creates new custom metrics (set NEURON_PROCESS_TAG to a stable name)");
    }

    private static bool SameProcess(RuntimeData a, RuntimeData b) => ReferenceEquals(a, b) || (a.Pid is { } pid && pid == b.Pid);

    private static bool Remember(HashSet<string> warned, string tag) => warned.Count < MaxRemembered && warned.Add(tag);

    private static string Pid(RuntimeData runtime) => runtime.Pid?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
}
