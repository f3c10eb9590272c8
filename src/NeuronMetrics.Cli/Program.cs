using NeuronMetrics.Cli;

return await CliApplication.RunAsync(args).ConfigureAwait(false);
