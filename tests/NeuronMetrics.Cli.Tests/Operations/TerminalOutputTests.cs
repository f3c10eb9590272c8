using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>Started by hand in a terminal: output redirected or piped, and nothing but neuron-cw's own text on the terminal.</summary>
public sealed class TerminalOutputTests : IDisposable
{
    private readonly string _work = OpsInputs.TempDirectory();

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

    [Fact]
    public async Task StdinTerminal_StdoutAndStderrToOneFile_NeitherOverwritesTheOther()
    {
        string file = Path.Combine(_work, "cost.txt");
        // --storage-resolution 1 with the default flush interval: a warning on stderr before the table on stdout.
        using var script = TerminalSession.Start($"{NeuronCwExecutable.ShellCommand()} cost --instance-type inf1.xlarge --storage-resolution 1 > '{file}' 2>&1");

        string terminal = await script.StandardOutput.ReadToEndAsync().WaitAsync(NeuronCwProcess.EventTimeout);
        await script.WaitForExitAsync().WaitAsync(NeuronCwProcess.EventTimeout);

        script.ExitCode.Should().Be(0, terminal);
        var lines = await File.ReadAllLinesAsync(file);
        lines[0].Should().StartWith("neuron-cw: warning: --storage-resolution 1 with --flush-interval 60s");
        lines[1].Should().Be("neuron-cw cost estimate (per month of 730 hours)");
        lines.Should().Contain(l => l.StartsWith("AWS sample script ", StringComparison.Ordinal));
        terminal.Should().BeEmpty();
    }

    [Fact]
    public async Task StdinFromFile_OutputOnTheTerminal_NoEscapeSequences()
    {
        // The README's first command, typed in a terminal: stdin is the sample, stdout and stderr the terminal.
        using var script = TerminalSession.Start($"{NeuronCwExecutable.ShellCommand()} --dry-run < '{RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")}'");

        string terminal = await script.StandardOutput.ReadToEndAsync().WaitAsync(NeuronCwProcess.EventTimeout);
        await script.WaitForExitAsync().WaitAsync(NeuronCwProcess.EventTimeout);

        script.ExitCode.Should().Be(0, terminal);
        terminal.Should().Contain("\"MetricName\":\"NeuronCoreUtilization\"").And.Contain("neuron-cw: info: done: reports=12 ");
        terminal.Should().NotContain("\u001b", "nothing but text reaches the terminal");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
