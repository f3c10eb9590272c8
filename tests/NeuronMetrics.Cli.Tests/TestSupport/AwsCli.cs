using System.Diagnostics;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>The aws CLI against moto_server with dummy credentials; <c>--cli-input-json</c> input is validated by it against the API model.</summary>
internal static class AwsCli
{
    /// <summary>Runs <c>aws cloudwatch COMMAND --cli-input-json file://…</c> with <paramref name="json"/>; returns exit code and stderr.</summary>
    public static async Task<(int ExitCode, string Error)> CloudWatchAsync(string url, string command, string json)
    {
        string file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, json);
            var startInfo = new ProcessStartInfo("aws")
            {
                ArgumentList = { "cloudwatch", command, "--cli-input-json", "file://" + file, "--endpoint-url", url, "--region", CloudWatchReadback.Region },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (string name in startInfo.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                startInfo.Environment.Remove(name);
            }

            foreach (var (name, value) in MotoServerEndToEndTests.DummyCredentials())
            {
                startInfo.Environment[name] = value;
            }

            using var aws = Process.Start(startInfo)!;
            var output = aws.StandardOutput.ReadToEndAsync();
            string error = await aws.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await aws.WaitForExitAsync(cancel.Token);
            await output;
            return (aws.ExitCode, error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
