using NeuronMetrics.Cli;

// First, before anything slow: a signal from now on means "flush and exit", and a closed stderr cannot be reused.
using var signals = ShutdownSignals.Register();
StandardErrorGuard.Ensure();
return await CliApplication.RunAsync(args, signals.Token).ConfigureAwait(false);
