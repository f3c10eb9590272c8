using System.Diagnostics;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>
/// Finds the built <c>neuron-cw</c>: the referenced Exe project is copied next to the test assembly,
/// as an apphost (<c>neuron-cw</c>) when the SDK made one, and always as <c>neuron-cw.dll</c>.
/// </summary>
internal static class NeuronCwExecutable
{
    private const string AppHostName = "neuron-cw";
    private const string AssemblyFileName = "neuron-cw.dll";

    /// <summary>A start info for the executable; the caller adds arguments after these.</summary>
    public static ProcessStartInfo CreateStartInfo()
    {
        string folder = AppContext.BaseDirectory;
        string appHost = Path.Combine(folder, OperatingSystem.IsWindows() ? AppHostName + ".exe" : AppHostName);
        if (File.Exists(appHost))
        {
            return new ProcessStartInfo(appHost);
        }

        string assembly = Path.Combine(folder, AssemblyFileName);
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"neither {appHost} nor {assembly} exists: is src/NeuronMetrics.Cli referenced and built?");
        }

        // DOTNET_HOST_PATH is set by 'dotnet test' to the muxer that runs us.
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        startInfo.ArgumentList.Add(assembly);
        return startInfo;
    }
}
