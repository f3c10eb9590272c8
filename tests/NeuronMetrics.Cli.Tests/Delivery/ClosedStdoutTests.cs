using NeuronMetrics.Cli.Tests.Operations;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Delivery;

/// <summary>stdout that goes away (<c>| head -1</c>, a dead log agent) or fills up (a full disk).</summary>
public sealed class ClosedStdoutTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("--dry-run")]
    [InlineData("--output emf")]
    public async Task Run_ReaderOfStdoutGone_StopsWithDataLossCodeWhileInputStaysOpen(string output)
    {
        // 300 instances make ~300 requests (or documents) of ~1 KB at the first flush: far more than a pipe holds, so
        // writing goes on after the reader has left. stdin stays open: only the broken pipe can end the run.
        string command = $"{{ {NeuronCwExecutable.ShellCommand()} {output} --flush-interval 1s; echo \"neuron-cw exited $?\" >&2; }} | head -c 100 >/dev/null";
        using var process = NeuronCwProcess.StartShell(command);
        await process.WriteAsync(OpsInputs.ReportsForInstances(300));

        var run = await process.WaitForExitAsync(RunTimeout);

        run.Stderr.Should().Contain($"neuron-cw exited {ExitCodes.DataDropped}", run.ToString());
        run.Stderr.Should().Contain("stdout was closed by its reader (broken pipe): stopping");
        run.Stderr.Should().Contain("stopping: nothing more can be delivered");
        var summary = SummaryLine.Parse(run);
        summary["dropped"].Should().BeGreaterThan(0);
        (summary["sent"] + summary["dropped"]).Should().Be(summary["datums"]);
    }

    [Fact]
    public async Task Run_StdoutOnFullDisk_EachBatchDroppedAndSaidExitsWithDataLossCode()
    {
        string command = $"{NeuronCwExecutable.ShellCommand()} --dry-run >/dev/full";

        var run = await NeuronCwProcess.RunShellAsync(command, OpsInputs.ReportsForInstances(2), timeout: RunTimeout);

        run.ExitCode.Should().Be(ExitCodes.DataDropped, run.ToString());
        run.Stderr.Should().Contain("writing to stdout failed: No space left on device; 4 datum(s) dropped");
        var summary = SummaryLine.Parse(run);
        summary["dropped"].Should().Be(8);
        summary["sent"].Should().Be(0);
    }
}
