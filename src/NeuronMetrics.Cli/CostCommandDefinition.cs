using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using NeuronMetrics.Cost;

namespace NeuronMetrics.Cli;

/// <summary>The <c>cost</c> subcommand: what a configuration sends and what it costs per month.</summary>
internal sealed class CostCommandDefinition
{
    public Option<string?> Input { get; } = new("--input")
    {
        Description = "A file of neuron-monitor reports from the instance to estimate for (a minute of its output is plenty).",
        HelpName = "FILE",
    };

    public Option<string?> InstanceType { get; } = new("--instance-type")
    {
        Description = $"Estimate from a synthetic report with every group for this instance type: {string.Join(", ", InstanceShapes.All.Select(s => s.InstanceType))}.",
        HelpName = "TYPE",
    };

    public Option<int> Instances { get; } = new("--instances")
    {
        Description = "Fleet size for the fleet total (metric prices are tiered over the whole account).",
        DefaultValueFactory = _ => 1,
        HelpName = "N",
    };

    /// <summary>TimeSpan.Zero stands for "not given": the config's period, else neuron-monitor's 5 s.</summary>
    public Option<TimeSpan> ReportPeriod { get; } = new("--report-period")
    {
        Description = "How often neuron-monitor reports. Default: the config's period, else 5s (neuron-monitor's default).",
        CustomParser = OptionParsers.Duration(TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1)),
        HelpName = "DURATION",
    };

    public Option<string> MetricPrices { get; } = new("--metric-prices")
    {
        Description = "Price per metric-month of each tier (first 10,000, next 240,000, next 750,000, beyond).",
        DefaultValueFactory = _ => "0.30,0.10,0.05,0.02",
        HelpName = "P1,P2,P3,P4",
    };

    public Option<decimal> RequestPrice { get; } = new("--request-price")
    {
        Description = "Price of 1,000 PutMetricData requests.",
        DefaultValueFactory = _ => 0.01m,
        HelpName = "PRICE",
    };

    public Command CreateCommand()
    {
        var command = new Command("cost", "Lists the custom metrics this configuration creates per instance, the requests per month, and the monthly price, compared with AWS's sample script. Takes the same options as a run.");
        AddTo(command, sourceRequired: true);
        return command;
    }

    /// <summary>Adds the estimate's options and their checks to <paramref name="command"/>; without <paramref name="sourceRequired"/>, neither --input nor --instance-type is fine.</summary>
    public void AddTo(Command command, bool sourceRequired)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Input, InstanceType, Instances, ReportPeriod, MetricPrices, RequestPrice })
        {
            command.Add(option);
        }

        command.Validators.Add(result => ValidateSource(result, sourceRequired));
        Instances.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--instances: must be at least 1");
            }
        });
        MetricPrices.Validators.Add(r =>
        {
            if (!TryParsePrices(r.GetValueOrDefault<string>(), out _))
            {
                r.AddError("--metric-prices: expected four non-negative prices, e.g. 0.30,0.10,0.05,0.02");
            }
        });
        RequestPrice.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<decimal>() < 0)
            {
                r.AddError("--request-price: must not be negative");
            }
        });
    }

    /// <summary>Whether --input or --instance-type was given (an estimate can be made).</summary>
    public bool HasSource(ParseResult result) => result.GetValue(Input) is not null || result.GetValue(InstanceType) is not null;

    public CostOptions ToOptions(ParseResult result)
    {
        TryParsePrices(result.GetValue(MetricPrices), out var tiers);
        var period = result.GetValue(ReportPeriod);
        return new CostOptions
        {
            InputPath = result.GetValue(Input),
            InstanceShape = result.GetValue(InstanceType) is { } type ? InstanceShapes.Find(type) : null,
            Instances = result.GetValue(Instances),
            ReportPeriod = period > TimeSpan.Zero ? period : null,
            Prices = new CloudWatchPriceList
            {
                MetricTiers = [.. CloudWatchPriceList.Default.MetricTiers.Zip(tiers!, (tier, price) => tier with { PricePerMetricMonth = price })],
                PricePer1000Requests = result.GetValue(RequestPrice),
            },
        };
    }

    private void ValidateSource(CommandResult result, bool sourceRequired)
    {
        string? input = result.GetResult(Input)?.GetValueOrDefault<string?>();
        string? type = result.GetResult(InstanceType)?.GetValueOrDefault<string?>();
        if (input is not null && type is not null)
        {
            result.AddError($"{result.Command.Name}: give either --input FILE or --instance-type TYPE, not both");
        }
        else if (sourceRequired && input is null && type is null)
        {
            result.AddError("cost: give either --input FILE or --instance-type TYPE");
        }
        else if (type is not null && InstanceShapes.Find(type) is null)
        {
            result.AddError($"--instance-type: unknown instance type '{type}' (known: {string.Join(", ", InstanceShapes.All.Select(s => s.InstanceType))})");
        }
    }

    private static bool TryParsePrices(string? text, out decimal[]? prices)
    {
        prices = null;
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        var parsed = new decimal[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!decimal.TryParse(parts[i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out parsed[i]))
            {
                return false;
            }
        }

        if (parsed.Length != CloudWatchPriceList.Default.MetricTiers.Count)
        {
            return false;
        }

        prices = parsed;
        return true;
    }
}
