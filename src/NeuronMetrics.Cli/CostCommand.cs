using System.Globalization;
using NeuronMetrics.Batching;
using NeuronMetrics.CloudWatch;
using NeuronMetrics.Cost;
using NeuronMetrics.Diagnostics;
using NeuronMetrics.Metadata;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Cli;

/// <summary>
/// <c>neuron-cw cost</c>: replays a sample (or a synthetic report for an instance type) through the
/// stages a run would use and prints the metrics, requests and monthly price, next to what AWS's
/// sample script would cost on the same input.
/// </summary>
internal static class CostCommand
{
    /// <summary>neuron-monitor's own default report period.</summary>
    private static readonly TimeSpan NeuronMonitorDefaultPeriod = TimeSpan.FromSeconds(5);

    private const string Help = "neuron-cw cost --help";

    /// <summary>Distinct synthetic reports replayed for --instance-type (values vary like real ones).</summary>
    private const int SyntheticReports = 60;

    public static async Task<int> RunAsync(CliOptions options, CostOptions cost, TextWriter output, IDiagnosticLog log)
    {
        if (!MonitorConfigSource.TryLoad(options.ConfigPath, log, out var config))
        {
            return ExitCodes.UsageError;
        }

        List<byte[]> reports;
        string source;
        if (cost.InstanceShape is { } shape)
        {
            reports = [.. Enumerable.Range(0, SyntheticReports).Select(i => SyntheticReportWriter.Write(shape, i))];
            source = $"synthetic {shape.InstanceType} report with every group ({shape.NeuronCores} NeuronCores, {shape.NeuronDevices} devices, {shape.Vcpus} vCPUs)";
        }
        else
        {
            try
            {
                await using var input = File.OpenRead(cost.InputPath!);
                reports = await CostProfiler.ReadReportsAsync(input).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                log.Write(LogLevel.Error, $"--input {cost.InputPath}: {ex.Message}; see '{Help}'");
                return ExitCodes.UsageError;
            }

            if (reports.Count == 0)
            {
                log.Write(LogLevel.Error, $"--input {cost.InputPath}: no neuron-monitor report in the file; see '{Help}'");
                return ExitCodes.UsageError;
            }

            source = $"{cost.InputPath} ({reports.Count} reports)";
        }

        var period = cost.ReportPeriod ?? config.Period ?? NeuronMonitorDefaultPeriod;
        string periodSource = cost.ReportPeriod is not null ? "--report-period" : config.Period is not null ? "the config's period" : "neuron-monitor's default";
        IDatumSizer sizer = CloudWatchSinkFactory.DatumSizer;
        // ClusterName/TaskFamily count as dimensions; their values do not change the price.
        var ecsTask = new EcsTaskInfo("cluster", "family");
        var ours = new CostProfiler(
            PipelineFactory.CreateReadingSettings(options, config, log, ecsTask),
            new PutMetricDataBatcher(options.Namespace, sizer),
            options.Aggregation,
            options.FlushInterval).Profile(reports, period);
        var theirs = AwsSampleScriptBaseline.CreateProfiler(options.Namespace, sizer, period).Profile(reports, period);

        var estimator = new CostEstimator(cost.Prices);
        var oursInputs = new CostInputs(ours.MetricsPerInstance, ours.SharedMetrics, ours.RequestsPerInterval, options.FlushInterval);
        var theirsInputs = new CostInputs(theirs.MetricsPerInstance, theirs.SharedMetrics, theirs.RequestsPerInterval, period);

        var w = output;
        w.WriteLine("neuron-cw cost estimate (per month of 730 hours)");
        w.WriteLine($"  input:          {source}");
        w.WriteLine($"  report period:  {Format(period)} ({periodSource})");
        w.WriteLine($"  this run:       flush interval {Format(options.FlushInterval)}, aggregation {OptionParsers.Name(options.Aggregation)}, naming {OptionParsers.Name(options.Naming)}, dimensions {string.Join(",", options.Dimensions)}");
        w.WriteLine();
        w.WriteLine($"Custom metrics per instance: {ours.MetricsPerInstance + ours.SharedMetrics}");
        foreach (string name in ours.MetricNames)
        {
            w.WriteLine($"  {name}");
        }

        w.WriteLine($"Requests per instance: {ours.RequestsPerInterval} per {Format(options.FlushInterval)} ({ours.DatumsPerInterval} datums per interval)");
        w.WriteLine();
        w.WriteLine($"{"",-28}{"instances",10}{"metrics",10}{"requests",14}{"metrics $",12}{"requests $",12}{"total $",12}");
        WriteRow(w, "neuron-cw", estimator.Estimate(oursInputs, 1));
        WriteRow(w, "AWS sample script", estimator.Estimate(theirsInputs, 1));
        if (cost.Instances > 1)
        {
            WriteRow(w, "neuron-cw, fleet", estimator.Estimate(oursInputs, cost.Instances));
            WriteRow(w, "AWS sample script, fleet", estimator.Estimate(theirsInputs, cost.Instances));
        }

        decimal saving = estimator.Estimate(theirsInputs, cost.Instances).Total - estimator.Estimate(oursInputs, cost.Instances).Total;
        w.WriteLine();
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Difference for {cost.Instances} instance(s): {saving:N2} $ per month in favour of {(saving >= 0 ? "neuron-cw" : "the sample script")}."));
        w.WriteLine("AWS sample script: every group of the same input, one metric per core in the name, one request per report.");
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Prices: {string.Join(", ", cost.Prices.MetricTiers.Select(t => $"{t.PricePerMetricMonth:0.00#} $ {(t.Metrics is { } n ? $"({(t == cost.Prices.MetricTiers[0] ? "first" : "next")} {n:N0})" : "(beyond)")}"))} per metric-month; {cost.Prices.PricePer1000Requests:0.00#} $ per 1,000 requests."));
        return ExitCodes.Success;
    }

    private static void WriteRow(TextWriter w, string label, CostEstimate e) => w.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{label,-28}{e.Instances,10:N0}{e.Metrics,10:N0}{e.RequestsPerMonth,14:N0}{e.MetricsPrice,12:N2}{e.RequestsPrice,12:N2}{e.Total,12:N2}"));

    private static string Format(TimeSpan span) => OptionParsers.FormatDuration(span);
}
