using System.Diagnostics;
using System.IO.Pipes;
using System.Text;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>
/// A running <c>neuron-cw</c> with piped stdin and captured stdout/stderr. Its environment never
/// sees the host's AWS settings: AWS_* and NEURON_CW_* option variables are removed, HOME is an empty
/// folder, IMDS is off and the shared config/credentials files point nowhere; tests add what they need on top.
/// stderr is read line by line as it comes, so a test can wait for a line (the startup line, a stats line)
/// instead of sleeping.
/// </summary>
internal sealed class NeuronCwProcess : IDisposable
{
    /// <summary>Generous: the machine running the tests may be busy.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a wait for a line or an exit may take on a loaded machine before the test fails.</summary>
    public static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Variables the test runner must not pass on: the runner's own test settings stay.</summary>
    private static readonly string[] KeptVariables = ["NEURON_CW_EXE", "NEURON_CW_MOTO_URL"];

    private readonly Process _process;
    private readonly string _home;
    private readonly Task<string> _stdout;
    private readonly StderrLines _stderr;

    private NeuronCwProcess(Process process, string home)
    {
        _process = process;
        _home = home;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = new StderrLines(process.StandardError);
    }

    public int Id => _process.Id;

    public Stream StandardInput => _process.StandardInput.BaseStream;

    public bool HasExited => _process.HasExited;

    public static NeuronCwProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = NeuronCwExecutable.CreateStartInfo();
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return Start(startInfo, environment);
    }

    /// <summary>
    /// Runs <paramref name="command"/> with /bin/sh (same environment), for what only a shell can set up, such as a
    /// redirect; <see cref="NeuronCwExecutable.ShellCommand"/> names neuron-cw in it.
    /// </summary>
    public static NeuronCwProcess StartShell(string command, IReadOnlyDictionary<string, string?>? environment = null) =>
        Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command } }, environment);

    private static NeuronCwProcess Start(ProcessStartInfo startInfo, IReadOnlyDictionary<string, string?>? environment)
    {
        // A test host started in the background (`nohup`, `&` in a script) hands SIGINT and SIGHUP on as ignored, and
        // neuron-cw rightly keeps ignoring them there. The signal tests need the defaults a service manager gives,
        // so every start goes through env(1), which resets them and then execs in place (the pid stays the same).
        startInfo.ArgumentList.Insert(0, startInfo.FileName);
        startInfo.ArgumentList.Insert(0, "--default-signal=HUP,INT,TERM");
        startInfo.FileName = "env";
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.StandardOutputEncoding = Encoding.UTF8;
        startInfo.StandardErrorEncoding = Encoding.UTF8;
        startInfo.UseShellExecute = false;

        string home = Directory.CreateTempSubdirectory("neuron-cw-home-").FullName;
        foreach (string name in startInfo.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)
            || (k.StartsWith("NEURON_CW_", StringComparison.Ordinal) && !KeptVariables.Contains(k))).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["HOME"] = home;
        startInfo.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        startInfo.Environment["AWS_CONFIG_FILE"] = Path.Combine(home, "no-such-dir", "config");
        startInfo.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "no-such-dir", "credentials");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("neuron-cw did not start");
        return new NeuronCwProcess(process, home);
    }

    /// <summary>Starts, writes <paramref name="stdin"/>, closes stdin and waits for the exit.</summary>
    public static Task<NeuronCwResult> RunAsync(
        IEnumerable<string> arguments,
        byte[] stdin,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null) =>
        FeedAndWaitAsync(Start(arguments, environment), stdin, timeout);

    public static Task<NeuronCwResult> RunAsync(IEnumerable<string> arguments, string stdin, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null) =>
        RunAsync(arguments, Encoding.UTF8.GetBytes(stdin), environment, timeout);

    /// <summary><see cref="StartShell"/>, then as <see cref="RunAsync(IEnumerable{string}, byte[], IReadOnlyDictionary{string, string?}?, TimeSpan?)"/>.</summary>
    public static Task<NeuronCwResult> RunShellAsync(string command, string stdin, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null) =>
        FeedAndWaitAsync(StartShell(command, environment), Encoding.UTF8.GetBytes(stdin), timeout);

    private static async Task<NeuronCwResult> FeedAndWaitAsync(NeuronCwProcess started, byte[] stdin, TimeSpan? timeout)
    {
        using var process = started;
        await process.WriteAsync(stdin).ConfigureAwait(false);
        process.CloseStandardInput();
        return await process.WaitForExitAsync(timeout ?? DefaultTimeout).ConfigureAwait(false);
    }

    public async Task WriteAsync(byte[] bytes)
    {
        try
        {
            await StandardInput.WriteAsync(bytes).ConfigureAwait(false);
            await StandardInput.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException) when (HasExitedOrExits())
        {
            // The process stopped reading (e.g. a usage error); its exit code tells the test why. Nothing reads stdin any
            // more, so it is on its way out: a shell around neuron-cw may just not have exited yet (bounded wait).
        }
    }

    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    public void CloseStandardInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException) when (HasExitedOrExits())
        {
        }
    }

    /// <summary>
    /// A pipe to a process that has exited fails (EPIPE) before the exit is reaped and HasExited says so: on a loaded
    /// machine that took long enough to fail tests writing to a run that stops by itself. Waits for the exit, bounded.
    /// </summary>
    private bool HasExitedOrExits() => _process.WaitForExit(TimeSpan.FromSeconds(30));

    /// <summary>Waits until the process has taken everything written to its stdin so far.</summary>
    public async Task WaitUntilInputReadAsync(TimeSpan timeout)
    {
        var pipe = (PipeStream)StandardInput;
        var deadline = DateTime.UtcNow + timeout;
        while (PipeBacklog.UnreadBytes(pipe) > 0)
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"neuron-cw did not read its input within {timeout.TotalSeconds} s");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <summary>The stderr lines so far.</summary>
    public IReadOnlyList<string> StderrLines => _stderr.Snapshot();

    /// <summary>
    /// Waits for the startup line: from then on signals are handled, the sink is set up and stdin is being read.
    /// </summary>
    public Task<string> WaitUntilStartedAsync() =>
        WaitForStderrLineAsync(l => l.Contains(" started: ", StringComparison.Ordinal), "the startup line");

    /// <summary>Waits for a stderr line matching <paramref name="match"/>; fails with everything captured when the process exits first or it takes too long.</summary>
    public async Task<string> WaitForStderrLineAsync(Func<string, bool> match, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? EventTimeout;
        var line = await _stderr.WaitForAsync(match, limit).ConfigureAwait(false);
        if (line is not null)
        {
            return line;
        }

        string state = _process.HasExited ? $"exited with {_process.ExitCode}" : $"still running after {limit.TotalSeconds} s";
        throw new TimeoutException($"neuron-cw wrote no {what} ({state})\n--- stderr ---\n{string.Join('\n', _stderr.Snapshot())}");
    }

    /// <summary>Sends SIGTERM the way systemd or a shell would.</summary>
    public void SendSigterm() => SendSignal("TERM");

    /// <summary>Sends a signal (TERM, INT, HUP) with kill(1).</summary>
    public void SendSignal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + name, Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })
            ?? throw new InvalidOperationException("kill did not start");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{name} {Id} failed with exit code {kill.ExitCode}");
        }
    }

    /// <summary>Waits for the exit (without touching stdin); throws with what was captured when it takes too long.</summary>
    public async Task<NeuronCwResult> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
            throw new TimeoutException($"neuron-cw did not exit within {timeout.TotalSeconds} s\n{new NeuronCwResult(-1, await _stdout.ConfigureAwait(false), await _stderr.TextAsync().ConfigureAwait(false))}");
        }

        return new NeuronCwResult(_process.ExitCode, await _stdout.ConfigureAwait(false), await _stderr.TextAsync().ConfigureAwait(false));
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
