using System.Diagnostics;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>
/// Finds the <c>neuron-cw</c> under test: the binary in <c>NEURON_CW_EXE</c> (e.g. the published Native AOT or
/// single-file build) when set; else the referenced Exe project copied next to the test assembly, as an apphost
/// (<c>neuron-cw</c>) when the SDK made one, and always as <c>neuron-cw.dll</c>.
/// </summary>
internal static class NeuronCwExecutable
{
    private const string AppHostName = "neuron-cw";
    private const string AssemblyFileName = "neuron-cw.dll";

    /// <summary>A start info for the executable; the caller adds arguments after these.</summary>
    public static ProcessStartInfo CreateStartInfo()
    {
        var (fileName, prefix) = Locate();
        var startInfo = new ProcessStartInfo(fileName);
        foreach (string argument in prefix)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    /// <summary>The executable (and any leading arguments) single-quoted for /bin/sh; the caller appends arguments.</summary>
    public static string ShellCommand()
    {
        var (fileName, prefix) = Locate();
        return string.Join(' ', new[] { fileName }.Concat(prefix).Select(a => $"'{a}'"));
    }

    private static (string FileName, string[] Prefix) Locate()
    {
        if (Environment.GetEnvironmentVariable("NEURON_CW_EXE") is { Length: > 0 } published)
        {
            return (published, []);
        }

        string folder = AppContext.BaseDirectory;
        string appHost = Path.Combine(folder, OperatingSystem.IsWindows() ? AppHostName + ".exe" : AppHostName);
        if (File.Exists(appHost))
        {
            return (appHost, []);
        }

        string assembly = Path.Combine(folder, AssemblyFileName);
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"neither {appHost} nor {assembly} exists: is src/NeuronMetrics.Cli referenced and built?");
        }

        // DOTNET_HOST_PATH is set by 'dotnet test' to the muxer that runs us.
        return (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [assembly]);
    }
}
