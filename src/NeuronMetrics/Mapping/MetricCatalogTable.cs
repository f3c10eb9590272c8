using System.Globalization;
using System.Text;

namespace NeuronMetrics.Mapping;

/// <summary>The metric catalog in words: the README's metric table is generated from it (a test keeps them equal).</summary>
public static class MetricCatalogTable
{
    /// <summary>The catalog as a markdown table.</summary>
    public static string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| Metric | Unit | Group | One per | Default | Across runtimes | Description |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var d in MetricCatalog.All)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{d.Name}` | {d.Unit} | `{d.GroupType}` | {Per(d.Scope)} | {(d.OptIn ? "opt-in" : "yes")} | {Merge(d.Merge)} | {d.Description} |");
        }

        return text.ToString();
    }

    /// <summary>What one stream of <paramref name="scope"/> stands for, in words.</summary>
    public static string Per(MetricScope scope) => scope switch
    {
        MetricScope.Instance => "instance",
        MetricScope.Runtime => "runtime",
        MetricScope.NeuronCore => "NeuronCore",
        MetricScope.PhysicalCore => "physical core",
        MetricScope.ErrorKind => "runtime and error kind",
        _ => "Neuron device",
    };

    private static string Merge(AcrossRuntimes merge) => merge switch
    {
        AcrossRuntimes.Max => "max",
        AcrossRuntimes.Sum => "sum",
        AcrossRuntimes.Min => "min",
        _ => "—",
    };
}
