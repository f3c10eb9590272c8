using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NeuronMetrics.Cli.Alarms;

/// <summary>An alarm as one line of <c>aws cloudwatch put-metric-alarm --cli-input-json</c> input.</summary>
internal static class AlarmJsonWriter
{
    public const string QueryId = "q1";

    public static string Write(AlarmSpec alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("AlarmName", alarm.Name);
            json.WriteString("AlarmDescription", alarm.Description);
            json.WriteBoolean("ActionsEnabled", true);
            json.WriteStartArray("AlarmActions");
            foreach (string action in alarm.Actions)
            {
                json.WriteStringValue(action);
            }

            json.WriteEndArray();
            if (alarm.Query is { } query)
            {
                json.WriteStartArray("Metrics");
                json.WriteStartObject();
                json.WriteString("Id", QueryId);
                json.WriteString("Expression", query);
                json.WriteNumber("Period", alarm.PeriodSeconds);
                json.WriteString("Label", alarm.MetricName);
                json.WriteBoolean("ReturnData", true);
                json.WriteEndObject();
                json.WriteEndArray();
            }
            else
            {
                json.WriteString("MetricName", alarm.MetricName);
                json.WriteString("Namespace", alarm.Namespace);
                json.WriteString("Statistic", alarm.Statistic);
                json.WriteStartArray("Dimensions");
                foreach (var dimension in alarm.Dimensions!)
                {
                    json.WriteStartObject();
                    json.WriteString("Name", dimension.Name);
                    json.WriteString("Value", dimension.Value);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteNumber("Period", alarm.PeriodSeconds);
            }

            json.WriteNumber("EvaluationPeriods", alarm.EvaluationPeriods);
            json.WriteNumber("DatapointsToAlarm", alarm.DatapointsToAlarm);
            json.WriteNumber("Threshold", alarm.Threshold);
            json.WriteString("ComparisonOperator", alarm.ComparisonOperator);
            json.WriteString("TreatMissingData", alarm.TreatMissingData);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
