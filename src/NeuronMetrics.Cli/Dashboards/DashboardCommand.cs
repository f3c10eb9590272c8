using System.Globalization;
using System.Text;
using NeuronMetrics.CloudWatch.Query;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Cli.Dashboards;

/// <summary>
/// <c>neuron-cw dashboard</c>: the dashboard of what a run with the same options sends (<see cref="SentMetricSource"/>,
/// <see cref="DashboardBodyGenerator"/>), printed as put-dashboard input, or sent with PutDashboard (--put).
/// </summary>
internal static class DashboardCommand
{
    public static async Task<int> RunAsync(CliOptions options, string name, CostOptions? cost, bool put, TextWriter output, IDiagnosticLog log, CancellationToken stop)
    {
        if (!MonitorConfigSource.TryLoad(options.ConfigPath, log, out var config))
        {
            return ExitCodes.UsageError;
        }

        var plan = SentMetricSource.Plan(options, config);
        if (plan.Count == 0)
        {
            log.Write(LogLevel.Error, "dashboard: these options send no metric (the config enables no group with a selected metric); fix --config or --metrics");
            return ExitCodes.UsageError;
        }

        var target = await CloudWatchActionSetup.ResolveTargetAsync(options, log, stop).ConfigureAwait(false);
        string? estimate = null;
        if (cost is not null)
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            int code = await CostCommand.RunAsync(options, cost, text, log).ConfigureAwait(false);
            if (code != ExitCodes.Success)
            {
                return code;
            }

            estimate = text.ToString();
        }

        string words = string.Create(
            CultureInfo.InvariantCulture,
            $"namespace {options.Namespace}, dimensions {string.Join(",", options.Dimensions)}, naming {OptionParsers.Name(options.Naming)}, {plan.Count} metrics");
        string body;
        try
        {
            body = DashboardBodyGenerator.Generate(new DashboardSpec(options.Namespace, target.Region!, SentMetricSource.PeriodSeconds(options), plan, words, estimate));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            log.Write(LogLevel.Error, $"dashboard: {ex.Message}");
            return ExitCodes.UsageError;
        }

        log.Write(LogLevel.Info, $"dashboard {name}: {plan.Count} metrics of namespace {options.Namespace} in region {target.Region}, body {Encoding.UTF8.GetByteCount(body)} bytes");
        if (!put)
        {
            output.WriteLine(DashboardDocumentWriter.Write(name, body));
            return ExitCodes.Success;
        }

        using var client = await CloudWatchActionSetup.CreateAsync(options, target, log, stop).ConfigureAwait(false);
        var result = await client.SendAsync(new QueryActionRequest("PutDashboard", [new("DashboardName", name), new("DashboardBody", body)]), stop).ConfigureAwait(false);
        return CloudWatchActionSetup.Report($"PutDashboard {name}", result, log);
    }
}
