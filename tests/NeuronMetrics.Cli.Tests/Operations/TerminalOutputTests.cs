using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>Started by hand (stdin a terminal) with stdout piped into a reader that leaves early, as in <c>neuron-cw --help | head -1</c>.</summary>
public sealed class TerminalOutputTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("cost --instance-type trn1.32xlarge")]
    public async Task StdinTerminal_StdoutReaderLeavesEarly_ExitsZeroWithoutStackTraceOrEscapes(string arguments)
    {
        // stdin a terminal; head -c 10 closes the pipe after the first bytes.
        string command = $"bash -c '{NeuronCwExecutable.ShellCommand()} {arguments} | head -c 10 >/dev/null; echo \"neuron-cw exited ${{PIPESTATUS[0]}}\"'";
        using var script = TerminalSession.Start(command);

        string terminal = await script.StandardOutput.ReadToEndAsync().WaitAsync(NeuronCwProcess.EventTimeout);
        await script.WaitForExitAsync().WaitAsync(NeuronCwProcess.EventTimeout);

        terminal.Should().Contain("neuron-cw exited 0").And.NotContain("Exception").And.NotContain("\u001b", "nothing but text reaches the terminal");
    }
}
