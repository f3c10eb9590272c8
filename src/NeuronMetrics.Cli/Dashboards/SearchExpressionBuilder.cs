using System.Globalization;
using NeuronMetrics.CloudWatch;
using NeuronMetrics.Mapping;

namespace NeuronMetrics.Cli.Dashboards;

/// <summary>
/// CloudWatch SEARCH expressions for a planned metric: <c>SEARCH('{Namespace,Dim1,Dim2} MetricName="Name"', 'Average', 60)</c>.
/// The schema in braces matches metrics with exactly that namespace and those dimension names, so a new instance (or
/// core) shows up without editing the dashboard, and a metric with another dimension set does not. A namespace or
/// dimension name with characters other than letters, digits and '_' is put in double quotes.
/// </summary>
internal static class SearchExpressionBuilder
{
    /// <exception cref="ArgumentException">A name holds a quote, or the expression is longer than CloudWatch takes.</exception>
    public static string Search(string metricNamespace, PlannedMetric metric, string statistic, int periodSeconds)
    {
        ArgumentNullException.ThrowIfNull(metric);
        string expression = string.Create(
            CultureInfo.InvariantCulture,
            $"SEARCH('{Schema(metricNamespace, metric.DimensionNames)} MetricName=\"{Checked(metric.Name)}\"', '{statistic}', {periodSeconds})");
        return expression.Length <= DashboardLimits.MaxExpressionLength
            ? expression
            : throw new ArgumentException($"the SEARCH expression for {metric.Name} is longer than {DashboardLimits.MaxExpressionLength} characters (fewer or shorter dimension names)");
    }

    /// <summary><c>{Namespace,Dim1,Dim2}</c>.</summary>
    public static string Schema(string metricNamespace, IEnumerable<string> dimensionNames) =>
        "{" + string.Join(",", new[] { metricNamespace }.Concat(dimensionNames).Select(Quoted)) + "}";

    private static string Quoted(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? name : "\"" + Checked(name) + "\"";

    private static string Checked(string name) =>
        name.AsSpan().IndexOfAny("'\"\\") < 0 ? name : throw new ArgumentException($"'{name}' holds a quote or backslash, which a SEARCH expression cannot carry");
}
