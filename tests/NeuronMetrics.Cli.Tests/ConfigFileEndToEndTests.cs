using System.Diagnostics;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests;

/// <summary>Config paths that are not config files: a clear error and exit 2 before stdin is read, in bounded time and memory.</summary>
public sealed class ConfigFileEndToEndTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("neuron-cw-config-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Run_ConfigIsADirectory_SaysSo()
    {
        var result = await RunAsync(_folder.FullName);

        result.StderrLines.Should().Contain($"neuron-cw: error: {_folder.FullName}: is a directory, not a config file");
    }

    [Fact]
    public async Task Run_ConfigIsDevZero_RefusedAfterOneMebibyte()
    {
        var result = await RunAsync("/dev/zero");

        result.StderrLines.Should().Contain("neuron-cw: error: /dev/zero: larger than 1 MiB, so not a neuron-monitor config (a monitor.conf is a few KB)");
    }

    [Fact]
    public async Task Run_ConfigIsAFifoNobodyWrites_RefusedInsteadOfHanging()
    {
        string fifo = Path.Combine(_folder.FullName, "monitor.conf");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        var result = await RunAsync(fifo);

        result.StderrLines.Should().Contain($"neuron-cw: error: {fifo}: nothing could be read within 5 s (a FIFO nobody writes to?)");
    }

    [Fact]
    public async Task Run_TwentyThousandTagFilters_Refused()
    {
        string path = Path.Combine(_folder.FullName, "monitor.conf");
        string entries = string.Join(",", Enumerable.Range(0, 20_000).Select(i => $$"""{"tag_filter":"a{{i}}"}"""));
        await File.WriteAllTextAsync(path, $$"""{"neuron_runtimes":[{{entries}}]}""");

        var result = await RunAsync(path);

        result.StderrLines.Should().Contain(l => l.Contains("field 'neuron_runtimes' has 20000 entries; at most 256 are supported", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_UnknownGroupType_WarnsWithTheClosestName()
    {
        string path = Path.Combine(_folder.FullName, "monitor.conf");
        await File.WriteAllTextAsync(path, """{"neuron_runtimes":[{"metrics":[{"type":"neuroncore_counter"}]}]}""");

        var result = await NeuronCwProcess.RunAsync(["--dry-run", "--config", path], "");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StderrLines.Should().Contain($"neuron-cw: warning: {path}: field 'neuron_runtimes[0].metrics[0].type': unknown metric group \"neuroncore_counter\" ignored; did you mean \"neuroncore_counters\"?");
    }

    /// <summary>Runs with stdin left open: a process that waited for input would not exit.</summary>
    private static async Task<NeuronCwResult> RunAsync(string config)
    {
        using var process = NeuronCwProcess.Start(["--dry-run", "--config", config]);
        var result = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        return result;
    }
}
