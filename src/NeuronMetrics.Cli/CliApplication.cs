using System.CommandLine;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Metadata;

namespace NeuronMetrics.Cli;

/// <summary>Parses the command line (flags, then their environment variables) and runs the command it names.</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, CancellationToken stop)
    {
        var definition = new CommandLineDefinition();
        var root = definition.CreateRootCommand();
        var costDefinition = new CostCommandDefinition();
        var cost = costDefinition.CreateCommand();
        root.Add(cost);
        var dashboardDefinition = new Dashboards.DashboardCommandDefinition();
        var dashboard = dashboardDefinition.CreateCommand();
        var alarmsDefinition = new Alarms.AlarmsCommandDefinition();
        var alarms = alarmsDefinition.CreateCommand();
        foreach (var option in definition.SendingOptions)
        {
            // The same option objects as the run's, so --region & co. and their variables mean the same.
            dashboard.Add(option);
            alarms.Add(option);
        }

        root.Add(dashboard);
        root.Add(alarms);
        using var output = StandardStreams.CreateOutputWriter();
        root.SetAction((parseResult, _) => RunGuardedAsync(definition.ToOptions(parseResult), (options, log) => RunCommand.RunAsync(options, log, stop)));
        cost.SetAction((parseResult, _) => RunGuardedAsync(definition.ToOptions(parseResult), (options, log) =>
            CostCommand.RunAsync(options, costDefinition.ToOptions(parseResult), output, log)));
        dashboard.SetAction((parseResult, _) => RunGuardedAsync(definition.ToOptions(parseResult), (options, log) => Dashboards.DashboardCommand.RunAsync(
            options,
            dashboardDefinition.NameOf(parseResult),
            dashboardDefinition.Cost.HasSource(parseResult) ? dashboardDefinition.Cost.ToOptions(parseResult) : null,
            parseResult.GetValue(dashboardDefinition.Put),
            output,
            log,
            stop)));
        alarms.SetAction((parseResult, _) => RunGuardedAsync(definition.ToOptions(parseResult), (options, log) =>
            Alarms.AlarmsCommand.RunAsync(options, alarmsDefinition.ToOptions(parseResult), output, log, stop)));

        var parseResult = EnvironmentOptions.Parse(root, definition.RunOptions, args, Environment.GetEnvironmentVariable, out var fromEnvironment, out var variableErrors);
        if (parseResult.Errors.Count > 0 || variableErrors.Count > 0)
        {
            UsageErrors.Write(parseResult, definition, fromEnvironment, variableErrors);
            return ExitCodes.UsageError;
        }

        // Signals are handled by ShutdownSignals (registered in main) so a run can flush before exiting.
        return await parseResult.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, Output = output }).ConfigureAwait(false);
    }

    /// <summary>
    /// A setup failure (<see cref="StartupException"/>, unusable instance metadata) is its message and its exit code; an
    /// unexpected failure is one error line and exit code 1, not a stack trace in the journal.
    /// </summary>
    private static async Task<int> RunGuardedAsync(CliOptions options, Func<CliOptions, IDiagnosticLog, Task<int>> run)
    {
        var log = DiagnosticLogs.Create(options.LogFormat, options.LogLevel, TimeProvider.System);
        try
        {
            return await run(options, log).ConfigureAwait(false);
        }
        catch (StartupException ex)
        {
            log.Write(LogLevel.Error, ex.Message);
            return ex.ExitCode;
        }
        catch (InstanceMetadataException ex)
        {
            log.Write(LogLevel.Error, ex.Message);
            return ExitCodes.UsageError;
        }
        catch (Exception ex)
        {
            log.Write(LogLevel.Error, $"unexpected failure: {ex.GetType().Name}: {SecretScrubber.Scrub(ex.Message)}");
            return ExitCodes.Failure;
        }
    }
}
