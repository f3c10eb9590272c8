using System.CommandLine;

namespace NeuronMetrics.Cli;

/// <summary>
/// Every run option can be set by an environment variable: <c>--flush-interval</c> by <c>NEURON_CW_FLUSH_INTERVAL</c>.
/// A flag on the command line wins over its variable; an empty variable counts as unset. The values are parsed
/// and checked exactly like flags, and an error about one names its variable. Then systemd's EnvironmentFile, ECS
/// task definitions and Kubernetes env need no word-split argument strings: a value may hold spaces.
/// </summary>
internal static class EnvironmentOptions
{
    public const string Prefix = "NEURON_CW_";

    /// <summary>Separates the values of a repeatable option such as <c>--dimension</c> in one variable (a value may hold commas).</summary>
    public const char ListSeparator = ';';

    /// <summary>The variable of <paramref name="option"/>: NEURON_CW_ and its name in upper case with '_' for '-'.</summary>
    public static string VariableFor(Option option) =>
        Prefix + option.Name.TrimStart('-').Replace('-', '_').ToUpperInvariant();

    /// <summary>
    /// Parses <paramref name="args"/>, then adds the variables of the invoked command's options that were not given
    /// as flags (<paramref name="options"/> lists the options that have variables) and parses again.
    /// </summary>
    /// <param name="root">The command line's root command.</param>
    /// <param name="options">The options that have variables.</param>
    /// <param name="args">The command line.</param>
    /// <param name="environment">Variable lookup.</param>
    /// <param name="fromEnvironment">The options set from a variable, with its name (for error messages).</param>
    /// <param name="errors">Variables whose value no flag can stand for (a switch that is neither true nor false).</param>
    public static ParseResult Parse(
        RootCommand root, IReadOnlyList<Option> options, string[] args, Func<string, string?> environment, out IReadOnlyDictionary<Option, string> fromEnvironment, out IReadOnlyList<string> errors)
    {
        var first = root.Parse(args);
        var command = first.CommandResult.Command;
        var added = new List<string>();
        var used = new Dictionary<Option, string>();
        var invalid = new List<string>();
        fromEnvironment = used;
        errors = invalid;
        if (first.Errors.Count == 0 && first.Action is not null && first.Action != command.Action)
        {
            return first; // --help or --version: no run, and --version takes no other options
        }

        foreach (var option in options)
        {
            bool applies = command == root ? root.Options.Contains(option) : option.Recursive || command.Options.Contains(option);
            if (!applies || first.GetResult(option) is { Implicit: false } || environment(VariableFor(option)) is not { } value || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            used[option] = VariableFor(option);
            if (Tokens(option, value) is { } tokens)
            {
                added.AddRange(tokens);
            }
            else
            {
                invalid.Add($"{VariableFor(option)}: '{value}' is not true or false ({option.Name})");
            }
        }

        return added.Count == 0 ? first : root.Parse([.. args, .. added]);
    }

    /// <summary>The flags a variable stands for, in the "--name=value" form so a value may start with '-' or '@'; null when there are none.</summary>
    private static IEnumerable<string>? Tokens(Option option, string value)
    {
        if (option.ValueType == typeof(bool))
        {
            return value.Trim().ToLowerInvariant() switch
            {
                "true" or "1" or "yes" => [option.Name],
                "false" or "0" or "no" => [],
                _ => null,
            };
        }

        if (option.ValueType == typeof(string[]))
        {
            return value.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries).Select(v => $"{option.Name}={v}");
        }

        return [$"{option.Name}={value}"];
    }
}
