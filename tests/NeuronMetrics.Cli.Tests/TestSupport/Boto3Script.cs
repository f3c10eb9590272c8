using System.Diagnostics;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>
/// Runs a python script that reads moto_server back with boto3 (an independent client), without the AWS_ variables of
/// the test process, and returns its stdout.
/// </summary>
internal static class Boto3Script
{
    /// <param name="script">The python source, run with <c>python3 -c</c>.</param>
    /// <param name="what">What the script reads, for the failure message.</param>
    /// <param name="arguments">Its sys.argv[1:].</param>
    public static async Task<string> RunAsync(string script, string what, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(script);
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (string name in startInfo.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("python3 did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode == 0 ? await stdout : throw new InvalidOperationException($"boto3 {what} failed ({process.ExitCode}): {await stderr}");
    }
}
