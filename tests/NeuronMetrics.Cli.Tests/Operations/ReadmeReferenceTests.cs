using System.Reflection;
using System.Text.RegularExpressions;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>The README's option table and exit-code table say what the code does: every option, its variable and its default, every exit code.</summary>
public sealed partial class ReadmeReferenceTests
{
    private static readonly string[] Readme = File.ReadAllLines(RepositoryFiles.At("README.md"));

    [Fact]
    public void OptionTable_EveryRunOption_ListedWithItsVariableAndTheDefaultHelpShows()
    {
        var definition = new CommandLineDefinition();
        definition.CreateRootCommand();
        var rows = Readme.Where(l => l.StartsWith("| `-", StringComparison.Ordinal)).ToList();

        foreach (var option in definition.RunOptions)
        {
            string variable = EnvironmentOptions.VariableFor(option);
            var row = rows.Where(r => Regex.IsMatch(Cells(r)[1], $"`{Regex.Escape(option.Name)}[` ]")).ToList();
            row.Should().ContainSingle($"the README's option table has one row for {option.Name}");
            string[] cells = Cells(row[0]);
            cells[2].Should().Contain($"`{variable}`", $"the row of {option.Name} names its variable");
            if (DefaultShown().Match(option.Description ?? "") is { Success: true } shown)
            {
                cells[3].Should().Contain($"`{shown.Groups[1].Value}`", $"the README's default of {option.Name} is what --help shows");
            }
        }

        rows.Should().HaveCount(definition.RunOptions.Count - 1, "no row for an option that does not exist (--endpoint-url and --profile share one)");
    }

    [Fact]
    public void ExitCodeTable_ListsExactlyTheCodesOfExitCodes()
    {
        var codes = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (int)f.GetValue(null)!).Order().ToList();
        var start = Array.IndexOf(Readme, "| Code | Meaning |");
        start.Should().BeGreaterThan(0, "the README has an exit-code table");

        var documented = Readme.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).Select(l => int.Parse(l.Split('|')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();

        documented.Should().Equal(codes);
    }

    /// <summary>The cells of a table row; <c>\|</c> inside a cell is not a separator.</summary>
    private static string[] Cells(string row) => CellSeparator().Split(row);

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"\[default: ([^\]]+)\]")]
    private static partial Regex DefaultShown();
}
