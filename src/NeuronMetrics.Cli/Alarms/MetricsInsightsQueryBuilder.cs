using NeuronMetrics.CloudWatch;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Cli.Alarms;

/// <summary>
/// A Metrics Insights query over a metric's exact namespace and dimension names, filtered by the values known:
/// <c>SELECT SUM(NeuronDeviceEccUncorrected) FROM SCHEMA("Neuron", InstanceId, NeuronDevice) WHERE InstanceId = 'i-0…'</c>.
/// One alarm then covers every device (runtime, core) of the instance, whatever their number.
/// </summary>
internal static class MetricsInsightsQueryBuilder
{
    /// <exception cref="AlarmPlanException">A name or value a query cannot carry, or a query too long.</exception>
    public static string Build(string metricNamespace, PlannedMetric metric, string statistic, IEnumerable<Dimension> filters)
    {
        string function = statistic switch
        {
            "Average" => "AVG",
            "Sum" => "SUM",
            "SampleCount" => "COUNT",
            "Maximum" => "MAX",
            "Minimum" => "MIN",
            _ => throw new ArgumentOutOfRangeException(nameof(statistic), statistic, "no Metrics Insights function"),
        };
        string where = string.Join(" AND ", filters.Select(d => $"{Name(d.Name)} = '{Value(d.Value)}'"));
        string query = $"SELECT {function}({Name(metric.Name)}) FROM SCHEMA(\"{Value(metricNamespace)}\"{string.Concat(metric.DimensionNames.Select(n => ", " + Name(n)))})"
            + (where.Length > 0 ? " WHERE " + where : "");
        return query.Length <= DashboardLimits.MaxExpressionLength
            ? query
            : throw new AlarmPlanException($"alarms: the Metrics Insights query for {metric.Name} is longer than {DashboardLimits.MaxExpressionLength} characters");
    }

    private static string Name(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? name : "\"" + Value(name) + "\"";

    private static string Value(string value) =>
        value.AsSpan().IndexOfAny("'\"\\") < 0 ? value : throw new AlarmPlanException($"alarms: '{value}' holds a quote or backslash, which a Metrics Insights query cannot carry");
}
