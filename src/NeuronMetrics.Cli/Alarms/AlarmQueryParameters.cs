using System.Globalization;
using NeuronMetrics.CloudWatch.Query;

namespace NeuronMetrics.Cli.Alarms;

/// <summary>An alarm as a PutMetricAlarm Query request: the same fields as <see cref="AlarmJsonWriter"/>, flattened as the Query protocol names them.</summary>
internal static class AlarmQueryParameters
{
    public static QueryActionRequest For(AlarmSpec alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var p = new List<KeyValuePair<string, string>>
        {
            new("AlarmName", alarm.Name),
            new("AlarmDescription", alarm.Description),
            new("ActionsEnabled", "true"),
        };
        for (int i = 0; i < alarm.Actions.Count; i++)
        {
            p.Add(new(Member("AlarmActions", i), alarm.Actions[i]));
        }

        if (alarm.Query is { } query)
        {
            p.Add(new("Metrics.member.1.Id", AlarmJsonWriter.QueryId));
            p.Add(new("Metrics.member.1.Expression", query));
            p.Add(new("Metrics.member.1.Period", Number(alarm.PeriodSeconds)));
            p.Add(new("Metrics.member.1.Label", alarm.MetricName));
            p.Add(new("Metrics.member.1.ReturnData", "true"));
        }
        else
        {
            p.Add(new("MetricName", alarm.MetricName));
            p.Add(new("Namespace", alarm.Namespace));
            p.Add(new("Statistic", alarm.Statistic));
            for (int i = 0; i < alarm.Dimensions!.Count; i++)
            {
                p.Add(new(Member("Dimensions", i) + ".Name", alarm.Dimensions[i].Name));
                p.Add(new(Member("Dimensions", i) + ".Value", alarm.Dimensions[i].Value));
            }

            p.Add(new("Period", Number(alarm.PeriodSeconds)));
        }

        p.Add(new("EvaluationPeriods", Number(alarm.EvaluationPeriods)));
        p.Add(new("DatapointsToAlarm", Number(alarm.DatapointsToAlarm)));
        p.Add(new("Threshold", alarm.Threshold.ToString("R", CultureInfo.InvariantCulture)));
        p.Add(new("ComparisonOperator", alarm.ComparisonOperator));
        p.Add(new("TreatMissingData", alarm.TreatMissingData));
        return new QueryActionRequest("PutMetricAlarm", p);
    }

    private static string Member(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}.member.{index + 1}");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
