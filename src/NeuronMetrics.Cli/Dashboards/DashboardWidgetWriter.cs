using System.Text.Json;

namespace NeuronMetrics.Cli.Dashboards;

/// <summary>Writes text and metric widgets (dashboard body structure) at the next place of a <see cref="WidgetGrid"/>.</summary>
internal sealed class DashboardWidgetWriter(Utf8JsonWriter json, WidgetGrid grid, string region, int periodSeconds)
{
    public const int FullWidth = CloudWatch.DashboardLimits.GridWidth;

    public void Text(string markdown, int width, int height)
    {
        Begin("text", width, height);
        json.WriteString("markdown", markdown);
        End();
    }

    /// <param name="title">The graph's title.</param>
    /// <param name="expressions">One line per entry: id (lower case first), SEARCH or metric math expression, label.</param>
    /// <param name="statistic">The statistic of the graph (the expressions name their own).</param>
    /// <param name="width">Columns.</param>
    /// <param name="height">Rows.</param>
    /// <param name="percent">A 0 to 100 % axis.</param>
    public void Metric(string title, IReadOnlyList<(string Id, string Expression, string Label)> expressions, string statistic, int width, int height, bool percent)
    {
        Begin("metric", width, height);
        json.WriteString("view", "timeSeries");
        json.WriteBoolean("stacked", false);
        json.WriteString("region", region);
        json.WriteString("title", title);
        json.WriteNumber("period", periodSeconds);
        json.WriteString("stat", statistic);
        json.WriteStartArray("metrics");
        foreach (var (id, expression, label) in expressions)
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("expression", expression);
            json.WriteString("id", id);
            json.WriteString("label", label);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndArray();
        if (percent)
        {
            json.WriteStartObject("yAxis");
            json.WriteStartObject("left");
            json.WriteNumber("min", 0);
            json.WriteNumber("max", 100);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        End();
    }

    public void NewRow() => grid.NewRow();

    private void Begin(string type, int width, int height)
    {
        var (x, y) = grid.Place(width, height);
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteNumber("x", x);
        json.WriteNumber("y", y);
        json.WriteNumber("width", width);
        json.WriteNumber("height", height);
        json.WriteStartObject("properties");
    }

    private void End()
    {
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
