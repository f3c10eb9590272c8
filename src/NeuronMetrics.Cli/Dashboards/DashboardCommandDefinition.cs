using System.CommandLine;
using NeuronMetrics.CloudWatch;

namespace NeuronMetrics.Cli.Dashboards;

/// <summary>The <c>dashboard</c> subcommand: the run options (shared with the root command) plus these, and the cost estimate's.</summary>
internal sealed class DashboardCommandDefinition
{
    public Option<string> Name { get; } = new("--name")
    {
        Description = $"Dashboard name: letters, digits, '-' and '_', at most {DashboardLimits.MaxNameLength}. [default: {CliDefaults.DashboardName}]",
        HelpName = "NAME",
    };

    public Option<bool> Put { get; } = new("--put")
    {
        Description = "Send it with PutDashboard (same region, endpoint and credentials as a run) instead of printing it.",
    };

    public CostCommandDefinition Cost { get; } = new();

    public Command CreateCommand()
    {
        var command = new Command("dashboard", "Prints a CloudWatch dashboard (aws cloudwatch put-dashboard --cli-input-json shape) graphing exactly the metrics a run with the same options sends; --put sends it. --input/--instance-type add the cost estimate.")
        {
            Name, Put,
        };
        Cost.AddTo(command, sourceRequired: false);
        Name.Validators.Add(r =>
        {
            if (Validate(r.GetValueOrDefault<string>()) is { } error)
            {
                r.AddError($"--name: {error}");
            }
        });
        return command;
    }

    public string NameOf(ParseResult result) => CliOptionsMapper.Value(result, Name, CliDefaults.DashboardName);

    private static string? Validate(string? name) =>
        string.IsNullOrEmpty(name) ? "must not be empty"
        : name.Length > DashboardLimits.MaxNameLength ? $"longer than {DashboardLimits.MaxNameLength} characters"
        : name.AsSpan().IndexOfAnyExcept(DashboardLimits.NameCharacters) >= 0 ? $"'{name}' may hold only letters, digits, '-' and '_'"
        : null;
}
