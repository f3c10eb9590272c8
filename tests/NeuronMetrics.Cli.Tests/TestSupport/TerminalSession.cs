using System.Diagnostics;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>
/// A shell command run by script(1) on a pseudo-terminal, as when neuron-cw is started by hand: its stdin is a
/// terminal, and everything the terminal shows is script's stdout. Writing to script's stdin is typing.
/// </summary>
internal static class TerminalSession
{
    public static Process Start(string command) => Process.Start(new ProcessStartInfo("script")
    {
        ArgumentList = { "-q", "-e", "-c", command, "/dev/null" },
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        Environment = { ["TERM"] = "xterm-256color", ["AWS_EC2_METADATA_DISABLED"] = "true" },
    }) ?? throw new InvalidOperationException("script did not start");
}
