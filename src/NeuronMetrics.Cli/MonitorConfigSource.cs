using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Cli;

/// <summary>The config of a run: the <c>--config</c> file, or utilization only when none is given.</summary>
internal static class MonitorConfigSource
{
    /// <summary>False (with the reason logged) when the file cannot be used.</summary>
    public static bool TryLoad(string? path, IDiagnosticLog log, out MonitorConfig config)
    {
        try
        {
            config = path is null ? MonitorConfig.Default : MonitorConfigLoader.LoadFile(path, log);
            return true;
        }
        catch (ConfigException ex)
        {
            log.Write(LogLevel.Error, ex.Message);
            config = MonitorConfig.Default;
            return false;
        }
    }
}
