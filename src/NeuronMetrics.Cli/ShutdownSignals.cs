using System.Runtime.InteropServices;

namespace NeuronMetrics.Cli;

/// <summary>
/// SIGTERM, SIGINT and SIGHUP all mean "stop reading, flush what is buffered, exit". Registered first thing in
/// main, so a signal that arrives while the process is still starting (loading the config, asking for credentials)
/// is not the default action (exit 143 without a flush); a run started after the signal stops at once.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PosixSignalRegistration> _registrations = [];

    private ShutdownSignals()
    {
    }

    /// <summary>Fires on the first of the signals.</summary>
    public CancellationToken Token => _stop.Token;

    public static ShutdownSignals Register()
    {
        var signals = new ShutdownSignals();
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP })
        {
            signals._registrations.Add(PosixSignalRegistration.Create(signal, signals.OnSignal));
        }

        return signals;
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // we exit ourselves, after flushing
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }
}
