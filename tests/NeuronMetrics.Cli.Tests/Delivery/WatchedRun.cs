using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Delivery;

/// <summary>
/// A running neuron-cw whose stderr goes to a file, so a test can wait for a line (a stats line, a request
/// trace) while it runs instead of sleeping and hoping. The shell execs neuron-cw: signals reach it directly.
/// </summary>
internal sealed class WatchedRun : IDisposable
{
    private readonly NeuronCwProcess _process;
    private readonly string _folder;

    private WatchedRun(NeuronCwProcess process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    private string StderrFile => Path.Combine(_folder, "stderr");

    public static WatchedRun Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        string folder = Directory.CreateTempSubdirectory("neuron-cw-watched-").FullName;
        string quoted = string.Join(' ', arguments.Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        var process = NeuronCwProcess.StartShell($"exec {NeuronCwExecutable.ShellCommand()} {quoted} 2>'{Path.Combine(folder, "stderr")}'", environment);
        return new WatchedRun(process, folder);
    }

    public Task WriteAsync(string text) => _process.WriteAsync(text);

    public void CloseStandardInput() => _process.CloseStandardInput();

    public void SendSigterm() => _process.SendSigterm();

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> StderrLines() =>
        File.Exists(StderrFile) ? File.ReadAllLines(StderrFile) : [];

    /// <summary>Waits (polling the file) until a stderr line satisfies <paramref name="condition"/>; returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (StderrLines().FirstOrDefault(condition) is { } line)
            {
                return line;
            }

            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"no such stderr line within {timeout.TotalSeconds} s (exited: {_process.HasExited}):\n{string.Join('\n', StderrLines())}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the exit; the result's Stderr is the file's content.</summary>
    public async Task<NeuronCwResult> WaitForExitAsync(TimeSpan timeout)
    {
        var result = await _process.WaitForExitAsync(timeout);
        return result with { Stderr = string.Join('\n', StderrLines()) + "\n" };
    }

    public void Dispose()
    {
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
