using System.CommandLine;
using System.CommandLine.Parsing;
using NeuronMetrics.CloudWatch;
using NeuronMetrics.CloudWatch.Endpoints;
using NeuronMetrics.Mapping;

namespace NeuronMetrics.Cli;

/// <summary>The checks of a run's options that go beyond parsing one value; each error names the option.</summary>
internal static class RunOptionValidators
{
    public static void AddTo(CommandLineDefinition d, RootCommand root)
    {
        d.Config.Validators.Add(r => RequireNotBlank(r, "file name"));
        d.Region.Validators.Add(ValidateRegion);
        d.Profile.Validators.Add(r => RequireNotBlank(r, "profile name"));
        d.RunMonitor.Validators.Add(r => RequireNotBlankWhenGiven(r, "path"));
        d.Metrics.Validators.Add(ValidateMetrics);
        d.StorageResolution.Validators.Add(ValidateStorageResolution);
        d.Namespace.Validators.Add(ValidateNamespace);
        d.MaxBufferedDatums.Validators.Add(r => RequireAtLeast(r, 1));
        d.MaxBufferBytes.Validators.Add(r => RequireAtLeast(r, 64L * 1024));
        d.MaxDocumentBytes.Validators.Add(r => RequireAtLeast(r, 1024));
        d.EndpointUrl.Validators.Add(ValidateEndpoint);
        root.Validators.Add(r => ValidateDimensions(d, r));
        root.Validators.Add(r => ValidateExclusiveOutputs(d, r));
    }

    /// <summary>The --metrics patterns given (comma-separated in any number of tokens), or null when the option is absent.</summary>
    public static IReadOnlyList<string>? MetricPatterns(OptionResult? result) =>
        result is null ? null : [.. DimensionOptionParser.Split(result.Tokens.Select(t => t.Value))];

    private static void ValidateMetrics(OptionResult result)
    {
        var patterns = MetricPatterns(result)!;
        if (patterns.Count == 0)
        {
            result.AddError("--metrics: no metric names given");
            return;
        }

        try
        {
            MetricSelection.Create(patterns, instanceAverage: false);
        }
        catch (ArgumentException ex)
        {
            result.AddError($"--metrics: {ex.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    private static void ValidateStorageResolution(OptionResult result)
    {
        if (result.GetValueOrDefault<int>() is not (1 or 60))
        {
            result.AddError("--storage-resolution: must be 1 (high resolution) or 60 (standard)");
        }
    }

    private static void ValidateNamespace(OptionResult result)
    {
        if (CloudWatchSinkFactory.ValidateNamespace(result.GetValueOrDefault<string>()) is { } error)
        {
            result.AddError($"--namespace: {error}");
        }
    }

    private static void ValidateRegion(OptionResult result)
    {
        string? region = result.GetValueOrDefault<string?>();
        if (string.IsNullOrWhiteSpace(region))
        {
            result.AddError("--region: empty region name");
        }
        else if (!CloudWatchEndpointResolver.IsValidRegionName(region))
        {
            result.AddError($"--region: '{region}' is not a region name (e.g. ap-northeast-1, us-east-1)");
        }
    }

    private static void ValidateEndpoint(OptionResult result)
    {
        string? value = result.GetValueOrDefault<string?>();
        if (value is null || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Host.Length == 0 || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            result.AddError($"--endpoint-url: '{value}' is not an http(s) URL without query or user info");
        }
    }

    private static void ValidateDimensions(CommandLineDefinition d, CommandResult result)
    {
        IReadOnlyList<string> selected = CliDefaults.Dimensions;
        if (result.GetResult(d.Dimensions) is { } given)
        {
            selected = DimensionOptionParser.ParseSelected(given.Tokens.Select(t => t.Value), out string? error);
            if (error is not null || selected.Count == 0)
            {
                result.AddError(error ?? "--dimensions: no dimension names given");
                return;
            }
        }

        DimensionOptionParser.ParseStatic(result.GetValue(d.Dimension) ?? [], selected, out string? staticError);
        if (staticError is not null)
        {
            result.AddError(staticError);
        }
    }

    private static void ValidateExclusiveOutputs(CommandLineDefinition d, CommandResult result)
    {
        // Tokens, not values: reading an option whose value failed to parse would throw here.
        bool emf = result.GetResult(d.Output) is { Tokens.Count: > 0 } output && output.Tokens[0].Value.Equals("emf", StringComparison.OrdinalIgnoreCase);
        if (emf && result.GetResult(d.DryRun) is { Implicit: false })
        {
            result.AddError("--dry-run and --output emf both write to stdout: use one of them");
        }
    }

    private static void RequireNotBlank(OptionResult result, string what)
    {
        if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
        {
            result.AddError($"{result.Option.Name}: empty {what}");
        }
    }

    /// <summary>A value that may be left out, but not given empty.</summary>
    private static void RequireNotBlankWhenGiven(OptionResult result, string what)
    {
        if (result.Tokens.Count > 0)
        {
            RequireNotBlank(result, what);
        }
    }

    private static void RequireAtLeast<T>(OptionResult result, T minimum)
        where T : System.Numerics.INumber<T>
    {
        if (result.GetValueOrDefault<T>() < minimum)
        {
            result.AddError($"{result.Option.Name}: must be at least {minimum}");
        }
    }
}
