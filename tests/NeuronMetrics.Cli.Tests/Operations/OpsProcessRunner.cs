using System.Diagnostics;
using System.Text;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>
/// Runs the built neuron-cw (or the binary in NEURON_CW_EXE, e.g. the Native AOT build) as a child process
/// with a clean AWS environment, feeds stdin, collects stdout/stderr and can send SIGTERM.
/// </summary>
internal sealed class OpsProcessRunner : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _lock = new();

    private OpsProcessRunner(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public StreamWriter Stdin => _process.StandardInput;

    public string Stdout
    {
        get
        {
            lock (_lock)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_lock)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>The executable under test: NEURON_CW_EXE, else the neuron-cw build copied next to the tests.</summary>
    public static (string FileName, string[] Prefix) Executable()
    {
        if (Environment.GetEnvironmentVariable("NEURON_CW_EXE") is { Length: > 0 } exe)
        {
            return (exe, []);
        }

        return ("dotnet", [Path.Combine(AppContext.BaseDirectory, "neuron-cw.dll")]);
    }

    /// <summary>Environment with no AWS settings of the machine or the user leaking in.</summary>
    public static Dictionary<string, string?> CleanEnvironment(string home) => new()
    {
        ["HOME"] = home,
        ["AWS_CONFIG_FILE"] = Path.Combine(home, "no-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "no-credentials"),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_ACCESS_KEY_ID"] = null,
        ["AWS_SECRET_ACCESS_KEY"] = null,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_REGION"] = null,
        ["AWS_DEFAULT_REGION"] = null,
        ["AWS_ENDPOINT_URL"] = null,
        ["AWS_ENDPOINT_URL_CLOUDWATCH"] = null,
        ["AWS_ENDPOINT_URL_STS"] = null,
        ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
        ["AWS_ROLE_ARN"] = null,
        ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
        ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
    };

    /// <param name="shell">Run /bin/sh with <paramref name="args"/> instead of neuron-cw itself.</param>
    public static OpsProcessRunner Start(IEnumerable<string> args, IDictionary<string, string?> environment, bool shell = false)
    {
        var (fileName, prefix) = shell ? ("/bin/sh", []) : Executable();
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in prefix.Concat(args))
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info };
        var runner = new OpsProcessRunner(process);
        process.OutputDataReceived += (_, e) => runner.Append(runner._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => runner.Append(runner._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return runner;
    }

    /// <summary>Runs to completion with <paramref name="stdin"/> as the whole input.</summary>
    public static async Task<OpsProcessRunner> RunAsync(
        IEnumerable<string> args, IDictionary<string, string?> environment, string stdin, TimeSpan timeout, bool shell = false)
    {
        var runner = Start(args, environment, shell);
        await runner.Stdin.WriteAsync(stdin);
        runner.Stdin.Close();
        await runner.WaitForExitAsync(timeout);
        return runner;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"neuron-cw did not exit within {timeout}; stderr: {Stderr}");
        }

        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public int ExitCode => _process.ExitCode;

    public void SendSigterm()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        kill.ExitCode.Should().Be(0);
    }

    /// <summary>The value of one counter of the last stats line (e.g. "dropped").</summary>
    public long Stat(string name)
    {
        var line = Stderr.Split('\n').Last(l => l.Contains("done: ", StringComparison.Ordinal));
        var token = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Single(t => t.StartsWith(name + "=", StringComparison.Ordinal));
        return long.Parse(token.AsSpan(name.Length + 1).TrimEnd('"').TrimEnd('}').TrimEnd('"'), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            target.Append(line).Append('\n');
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
