using System.Globalization;
using NeuronMetrics.CloudWatch;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Cli.Alarms;

/// <summary>
/// The alarms of one instance, on metrics of the run's plan only: idle (mean NeuronCore utilization below a threshold
/// for a while; needs --instance-average), stopped reporting (no datum for a while: missing data breaches), and, when
/// their groups are enabled, uncorrected ECC errors and execution errors above 0. Names are
/// <c>PREFIX/INSTANCE/KIND</c>, so running it again updates the same alarms.
/// </summary>
internal static class AlarmPlanner
{
    /// <exception cref="AlarmPlanException">The options do not send what the idle alarm needs, or a window does not fit.</exception>
    public static IReadOnlyList<AlarmSpec> Plan(AlarmRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string instance = request.Instance.InstanceId ?? throw new AlarmPlanException("alarms: no instance id");
        var average = request.Metrics.FirstOrDefault(m => m.Definition == MetricCatalog.NeuronCoreUtilizationAverage)
            ?? throw new AlarmPlanException(request.Metrics.Any(m => m.Definition.GroupType == MetricCatalog.NeuronCoreUtilization.GroupType)
                ? $"alarms: the idle alarm watches {MetricNames.NeuronCoreUtilizationAverage}, which these options do not send: add --instance-average to the run and to this command"
                : $"alarms: the idle alarm watches {MetricNames.NeuronCoreUtilizationAverage}, which these options do not send: the config must enable the {MetricCatalog.NeuronCoreUtilization.GroupType} group, and add --instance-average to the run and to this command");
        if (!average.DimensionNames.Contains(DimensionNames.InstanceId))
        {
            throw new AlarmPlanException($"alarms: these alarms are per instance, but the run does not send the {DimensionNames.InstanceId} dimension: add it to --dimensions");
        }

        var all = request.Actions;
        var notEc2 = all.Where(a => !AlarmActionArn.IsEc2Action(a)).ToList();
        var alarms = new List<AlarmSpec>
        {
            Make(request, average, "idle", "Average", request.IdleFor, AlarmComparison.Below(request.IdleBelowPercent), "notBreaching", all,
                string.Create(CultureInfo.InvariantCulture, $"NeuronCore utilization of {instance}, the mean over its cores, stayed below {request.IdleBelowPercent:0.##} % for {Minutes(request.IdleFor)} min: the accelerators are idle (a stopped instance sends nothing and is not idle).")),
            Make(request, average, "stopped-reporting", "SampleCount", request.StoppedFor, AlarmComparison.Below(1), "breaching", notEc2,
                $"No {average.Name} datum from {instance} for {Minutes(request.StoppedFor)} min: neuron-monitor or neuron-cw stopped, or cannot send (missing data counts as breaching)."),
        };

        if (request.Metrics.FirstOrDefault(m => m.Definition == MetricCatalog.NeuronDeviceEccUncorrected) is { } ecc)
        {
            alarms.Add(Make(request, ecc, "ecc-uncorrected", "Sum", TimeSpan.FromSeconds(request.BasePeriodSeconds), AlarmComparison.Above(0), "notBreaching", notEc2,
                $"Uncorrected ECC errors on a Neuron device of {instance}: the device memory or SRAM returned bad data."));
        }

        if (request.Metrics.FirstOrDefault(m => m.Definition == MetricCatalog.ExecutionErrors) is { } errors)
        {
            alarms.Add(Make(request, errors, "execution-errors", "Sum", TimeSpan.FromSeconds(request.BasePeriodSeconds), AlarmComparison.Above(0), "notBreaching", notEc2,
                $"Execution errors (any kind) on {instance}."));
        }

        return alarms;
    }

    private static AlarmSpec Make(AlarmRequest request, PlannedMetric metric, string kind, string statistic, TimeSpan duration, AlarmComparison comparison, string missing, IReadOnlyList<string> actions, string what)
    {
        string instance = request.Instance.InstanceId!;
        var values = metric.DimensionNames.Select(n => Value(n, request)).ToList();
        bool query = values.Any(v => v is null);
        var window = AlarmWindow.For(request.BasePeriodSeconds, duration, query, out string? error)
            ?? throw new AlarmPlanException($"alarms: {kind}: {error}");
        string name = $"{request.NamePrefix}/{instance}/{kind}";
        if (name.Length > AlarmLimits.MaxNameLength)
        {
            throw new AlarmPlanException($"alarms: the alarm name '{name}' is longer than {AlarmLimits.MaxNameLength} characters");
        }

        string description = $"{what} {request.Namespace}/{metric.Name}. Made by neuron-cw alarms; run it again to update.";
        return new AlarmSpec
        {
            Name = name,
            Description = description.Length <= AlarmLimits.MaxDescriptionLength ? description : description[..AlarmLimits.MaxDescriptionLength],
            Actions = actions,
            Namespace = request.Namespace,
            MetricName = metric.Name,
            Statistic = statistic,
            Dimensions = query ? null : [.. metric.DimensionNames.Zip(values, (n, v) => new Dimension(n, v!))],
            Query = query ? MetricsInsightsQueryBuilder.Build(request.Namespace, metric, statistic, metric.DimensionNames.Zip(values).Where(p => p.Second is not null).Select(p => new Dimension(p.First, p.Second!))) : null,
            PeriodSeconds = window.PeriodSeconds,
            EvaluationPeriods = window.EvaluationPeriods,
            DatapointsToAlarm = window.EvaluationPeriods,
            Threshold = comparison.Threshold,
            ComparisonOperator = comparison.Operator,
            TreatMissingData = missing,
        };
    }

    /// <summary>The value of a dimension for this instance, or null when only a report could tell (RuntimeTag, NeuronDevice, ECS, Kubernetes).</summary>
    private static string? Value(string name, AlarmRequest request) =>
        DimensionPolicy.TryGetInstanceValue(name, request.Instance, out string? value)
            ? value
            : request.StaticDimensions.Where(d => d.Name == name).Select(d => d.Value).FirstOrDefault();

    private static long Minutes(TimeSpan duration) => (long)Math.Ceiling(duration.TotalMinutes);
}
