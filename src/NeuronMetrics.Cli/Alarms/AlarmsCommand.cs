using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Cli.Alarms;

/// <summary>
/// <c>neuron-cw alarms</c>: the alarms of one instance (<see cref="AlarmPlanner"/>) on what a run with the same options
/// sends (<see cref="SentMetricSource"/>), printed one put-metric-alarm input per line, or sent with PutMetricAlarm (--put).
/// </summary>
internal static class AlarmsCommand
{
    public static async Task<int> RunAsync(CliOptions options, AlarmsOptions alarms, TextWriter output, IDiagnosticLog log, CancellationToken stop)
    {
        if (!MonitorConfigSource.TryLoad(options.ConfigPath, log, out var config))
        {
            return ExitCodes.UsageError;
        }

        try
        {
            var instance = await AlarmInstanceResolver.ResolveAsync(options, alarms.InstanceId, alarms.InputPath, log, stop).ConfigureAwait(false);
            var specs = AlarmPlanner.Plan(new AlarmRequest
            {
                Namespace = options.Namespace,
                Metrics = SentMetricSource.Plan(options, config),
                Instance = instance,
                StaticDimensions = options.StaticDimensions,
                BasePeriodSeconds = SentMetricSource.PeriodSeconds(options),
                IdleBelowPercent = alarms.IdleBelowPercent,
                IdleFor = alarms.IdleFor,
                StoppedFor = alarms.StoppedFor,
                Actions = alarms.Actions,
            });
            log.Write(LogLevel.Info, $"alarms for {instance.InstanceId}: {string.Join(", ", specs.Select(s => s.Name))}");
            if (!alarms.Put)
            {
                foreach (var spec in specs)
                {
                    output.WriteLine(AlarmJsonWriter.Write(spec));
                }

                return ExitCodes.Success;
            }

            var target = await CloudWatchActionSetup.ResolveTargetAsync(options, log, stop).ConfigureAwait(false);
            using var client = await CloudWatchActionSetup.CreateAsync(options, target, log, stop).ConfigureAwait(false);
            int exit = ExitCodes.Success;
            foreach (var spec in specs)
            {
                var result = await client.SendAsync(AlarmQueryParameters.For(spec), stop).ConfigureAwait(false);
                int code = CloudWatchActionSetup.Report($"PutMetricAlarm {spec.Name}", result, log);
                exit = exit == ExitCodes.Success ? code : exit;
            }

            return exit;
        }
        catch (AlarmPlanException ex)
        {
            log.Write(LogLevel.Error, ex.Message);
            return ExitCodes.UsageError;
        }
    }
}
