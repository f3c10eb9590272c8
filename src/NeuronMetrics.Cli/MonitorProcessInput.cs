using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Cli;

/// <summary>
/// The input of <c>--run-monitor</c>: neuron-monitor started by neuron-cw (with the same <c>-c</c> config), its stdout
/// read as one endless stream. When it dies, it is started again after a backoff (1 s, doubling to 1 min; back to 1 s
/// after a run of a minute or more), and the pipeline, its buffer and its intervals go on. On a stop request
/// (SIGTERM, SIGINT, SIGHUP) it gets SIGTERM and the stream ends, so a container needs no wrapper script.
/// </summary>
internal sealed partial class MonitorProcessInput : Stream
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    /// <summary>How long neuron-monitor may take to exit after SIGTERM before it is killed.</summary>
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    private const int SigTerm = 15;

    private readonly string _path;
    private readonly string? _configPath;
    private readonly IDiagnosticLog _log;
    private readonly TimeProvider _clock;
    private readonly CancellationToken _stop;
    private readonly CancellationTokenRegistration _onStop;
    private Process? _process;
    private DateTimeOffset _started;
    private TimeSpan _backoff = FirstBackoff;
    private string? _lastStartError;

    private MonitorProcessInput(string path, string? configPath, IDiagnosticLog log, TimeProvider clock, CancellationToken stop)
    {
        _path = path;
        _configPath = configPath;
        _log = log;
        _clock = clock;
        _stop = stop;
        _process = StartProcess() ?? throw new StartupException(ExitCodes.UsageError, $"--run-monitor: cannot start '{path}': {_lastStartError}");
        _onStop = stop.Register(Terminate);
    }

    /// <summary>Starts neuron-monitor; fails fast (exit 2) when it cannot be started at all.</summary>
    public static MonitorProcessInput Start(string path, string? configPath, IDiagnosticLog log, TimeProvider clock, CancellationToken stop) =>
        new(path, configPath, log, clock, stop);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_process is { } process)
            {
                int read = await process.StandardOutput.BaseStream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read > 0)
                {
                    return read;
                }

                // Its stdout is closed: it exited (or is about to).
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                if (_stop.IsCancellationRequested)
                {
                    return 0;
                }

                var ran = _clock.GetUtcNow() - _started;
                _backoff = ran >= MaxBackoff ? FirstBackoff : _backoff;
                _log.Write(LogLevel.Warning, string.Create(
                    CultureInfo.InvariantCulture,
                    $"neuron-monitor exited with code {process.ExitCode} after {ran.TotalSeconds:0.#} s; starting it again in {_backoff.TotalSeconds:0.#} s (buffered data is kept)"));
                process.Dispose();
                _process = null;
            }

            await Task.Delay(_backoff, _clock, cancellationToken).ConfigureAwait(false);
            _backoff = _backoff * 2 < MaxBackoff ? _backoff * 2 : MaxBackoff;
            if (_stop.IsCancellationRequested)
            {
                return 0;
            }

            _process = StartProcess();
            if (_process is null)
            {
                _log.Write(LogLevel.Error, $"--run-monitor: cannot start '{_path}': {_lastStartError}; trying again in {_backoff.TotalSeconds:0.#} s");
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _onStop.Dispose();
            if (_process is { } process)
            {
                Terminate();
                if (!process.WaitForExit(ExitGrace))
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
                _process = null;
            }
        }

        base.Dispose(disposing);
    }

    private Process? StartProcess()
    {
        var startInfo = new ProcessStartInfo(_path) { RedirectStandardOutput = true, UseShellExecute = false };
        if (_configPath is not null)
        {
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add(_configPath);
        }

        try
        {
            var process = Process.Start(startInfo) ?? throw new InvalidOperationException("no process");
            _started = _clock.GetUtcNow();
            _log.Write(LogLevel.Info, $"started neuron-monitor (pid {process.Id}): {_path}{(_configPath is null ? "" : " -c " + _configPath)}");
            return process;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            _lastStartError = SecretScrubber.Scrub(ex.Message);
            return null;
        }
    }

    /// <summary>Asks neuron-monitor to stop (SIGTERM, as systemd or a container runtime would), once it is running.</summary>
    private void Terminate()
    {
        try
        {
            if (_process is { HasExited: false } process)
            {
                _ = SendSignal(process.Id, SigTerm);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // Exited, or replaced by a restart, meanwhile.
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
