using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using NeuronMetrics.CloudWatch;
using NeuronMetrics.CloudWatch.Credentials;
using NeuronMetrics.CloudWatch.Retry;
using NeuronMetrics.Cost;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Mapping;
using NeuronMetrics.Metadata;
using NeuronMetrics.Pipeline;
using NeuronMetrics.Sinks;

namespace NeuronMetrics.Cli;

/// <summary>Parses the command line, checks everything that can fail before stdin is read, then runs the pipeline.</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        var definition = new CommandLineDefinition();
        var root = definition.CreateRootCommand();
        root.SetAction((parseResult, _) => RunGuardedAsync(() => RunPipelineAsync(definition.ToOptions(parseResult))));
        var costDefinition = new CostCommandDefinition();
        var cost = costDefinition.CreateCommand();
        cost.SetAction((parseResult, _) => RunGuardedAsync(() =>
        {
            var options = definition.ToOptions(parseResult);
            return CostCommand.RunAsync(options, costDefinition.ToOptions(parseResult), Console.Out, CreateLog(options, TimeProvider.System));
        }));
        root.Add(cost);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // One line per problem on stderr, no help dump: this usually runs under systemd.
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync($"neuron-cw: error: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("neuron-cw: see 'neuron-cw --help'").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        // Signals are handled by the pipeline itself so it can flush before exiting.
        return await parseResult.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
    }

    /// <summary>An unexpected failure is one stderr line and exit code 1, not a stack trace in the journal.</summary>
    private static async Task<int> RunGuardedAsync(Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"neuron-cw: error: unexpected failure: {ex.GetType().Name}: {SecretScrubber.Scrub(ex.Message)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static async Task<int> RunPipelineAsync(CliOptions options)
    {
        var clock = TimeProvider.System;
        var log = CreateLog(options, clock);
        if (!MonitorConfigSource.TryLoad(options.ConfigPath, log, out var config))
        {
            return ExitCodes.UsageError;
        }

        EcsTaskInfo? ecsTask = null;
        if (new DimensionSettings { Selected = options.Dimensions }.NeedsEcsTask)
        {
            try
            {
                ecsTask = await EcsTaskMetadataReader.ReadAsync(
                    Environment.GetEnvironmentVariable(EcsTaskMetadataReader.EndpointVariable), EcsTaskMetadataReader.DefaultTimeout, CancellationToken.None).ConfigureAwait(false);
            }
            catch (EcsMetadataException ex)
            {
                log.Write(LogLevel.Error, $"--dimensions ClusterName/TaskFamily: {ex.Message}");
                return ExitCodes.UsageError;
            }

            if ((options.Dimensions.Contains(DimensionNames.ClusterName) && ecsTask.ClusterName is null)
                || (options.Dimensions.Contains(DimensionNames.TaskFamily) && ecsTask.Family is null))
            {
                log.Write(LogLevel.Error, "--dimensions ClusterName/TaskFamily: the ECS task metadata has no Cluster or Family");
                return ExitCodes.UsageError;
            }
        }

        var statistics = new PipelineStatistics();
        MetricPipeline? pipeline = null;
        IMetricSink sink;
        UsageTrackingSink? usage = null;
        if (options.DryRun)
        {
            sink = usage = new UsageTrackingSink(new DryRunJsonSink(StandardOutput.Open(), log), options.FlushInterval);
        }
        else if (options.Output == OutputKind.Emf)
        {
            sink = new EmfSink(StandardOutput.Open(), log);
        }
        else
        {
            var credentials = new DefaultCredentialSource(options.Profile);
            var probe = await CredentialProbe.TryResolveAsync(credentials, CredentialProbe.DefaultTimeout, CancellationToken.None).ConfigureAwait(false);
            if (!probe.Success)
            {
                foreach (var source in probe.Sources)
                {
                    log.Write(LogLevel.Warning, $"credentials: {source}");
                }

                log.Write(LogLevel.Error, $"{probe.Message} (use --dry-run to run without AWS; see README: Credentials)");

                return ExitCodes.NoCredentials;
            }

            try
            {
                sink = CloudWatchSinkFactory.Create(
                    new CloudWatchSinkOptions
                    {
                        Region = options.Region,
                        EndpointUrl = options.EndpointUrl,
                        Profile = options.Profile,
                        Credentials = credentials,
                        FallbackRegion = () => pipeline?.LastInstance.Region,
                        // Weeks unattended: keep retrying until delivered; the buffer bound and shutdown decide what is dropped.
                        Retry = RetryOptions.Unattended,
                        Clock = clock,
                        ConnectTimeout = options.ConnectTimeout,
                        ReadTimeout = options.ReadTimeout,
                        AuthFailureTimeout = options.AuthFailureTimeout,
                    },
                    log);
            }
            catch (CloudWatchConfigurationException ex)
            {
                log.Write(LogLevel.Error, ex.Message);
                return ExitCodes.UsageError;
            }
        }

        await using var sinkLifetime = sink;
        pipeline = PipelineFactory.Create(options, config, sink, CloudWatchSinkFactory.DatumSizer, statistics, log, clock, out var queue, ecsTask);

        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        using var stdin = Console.OpenStandardInput();
        await pipeline.RunAsync(stdin, stop.Token, options.MaxDocumentBytes).ConfigureAwait(false);

        log.Write(LogLevel.Info, StatisticsLine.Format("done", statistics, queue.PendingDatums));
        if (usage is not null && statistics.EarlyFlushes > 0)
        {
            log.Write(LogLevel.Info, $"dry-run: {usage.DistinctMetrics} distinct custom metrics; the input came faster than real time, so its request count says nothing about a live run: see 'neuron-cw cost'");
        }
        else if (usage?.Inputs() is { } inputs)
        {
            var estimate = new CostEstimator(CloudWatchPriceList.Default).Estimate(inputs, instances: 1);
            log.Write(LogLevel.Info, string.Create(
                CultureInfo.InvariantCulture,
                $"dry-run: {usage.DistinctMetrics} distinct custom metrics; sent like this for a month one instance costs about {estimate.Total:0.00} $ ({estimate.Metrics} metrics {estimate.MetricsPrice:0.00} $ + {estimate.RequestsPerMonth:N0} requests {estimate.RequestsPrice:0.00} $); see 'neuron-cw cost'"));
        }

        return pipeline.Fault == SinkFault.AuthorizationFailing ? ExitCodes.AuthFailure
            : statistics.DatumsDropped > 0 || statistics.DatumsInDoubt > 0 || pipeline.Fault != SinkFault.None ? ExitCodes.DataDropped
            : ExitCodes.Success;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // we exit ourselves, after flushing
            stop.Cancel();
        }
    }

    private static IDiagnosticLog CreateLog(CliOptions options, TimeProvider clock) => options.LogFormat == LogFormat.Json
        ? new JsonLinesDiagnosticLog(Console.OpenStandardError(), options.LogLevel, clock)
        : new StderrDiagnosticLog(Console.Error, options.LogLevel);
}
