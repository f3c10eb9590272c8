using System.Text;
using System.Text.Json;

namespace NeuronMetrics.Cli.Dashboards;

/// <summary>The document <c>aws cloudwatch put-dashboard --cli-input-json</c> takes: the name and the body as a JSON string.</summary>
internal static class DashboardDocumentWriter
{
    public static string Write(string name, string body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("DashboardName", name);
            json.WriteString("DashboardBody", body);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
