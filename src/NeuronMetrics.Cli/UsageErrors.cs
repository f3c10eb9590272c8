using System.CommandLine;
using System.CommandLine.Parsing;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Cli;

/// <summary>
/// Command line errors: one error line per problem, no help dump (this usually runs under systemd), in the
/// --log-format asked for when that much could be parsed. An error about a value from the environment names the variable.
/// </summary>
internal static class UsageErrors
{
    public static void Write(ParseResult result, CommandLineDefinition definition, IReadOnlyDictionary<Option, string> fromEnvironment, IReadOnlyList<string> variableErrors)
    {
        var log = DiagnosticLogs.Create(RequestedFormat(result, definition), LogLevel.Error, TimeProvider.System);
        string help = result.CommandResult.Command is RootCommand ? "neuron-cw --help" : $"neuron-cw {result.CommandResult.Command.Name} --help";
        var messages = result.Errors
            .Select(error => error.Message + (OptionOf(error.SymbolResult) is { } option && fromEnvironment.TryGetValue(option, out var variable) ? $" (from {variable})" : ""))
            .Concat(variableErrors)
            .ToList();
        for (int i = 0; i < messages.Count; i++)
        {
            log.Write(LogLevel.Error, i == messages.Count - 1 ? $"{messages[i]}; see '{help}'" : messages[i]);
        }
    }

    /// <summary>--log-format when its own value is valid (read from the tokens: a value that failed to parse cannot be read).</summary>
    private static LogFormat RequestedFormat(ParseResult result, CommandLineDefinition definition) =>
        result.GetResult(definition.LogFormat) is { Tokens: [var token, ..] } && token.Value.Equals(OptionParsers.Name(LogFormat.Json), StringComparison.OrdinalIgnoreCase)
            ? LogFormat.Json
            : LogFormat.Text;

    private static Option? OptionOf(SymbolResult? symbol) => symbol switch
    {
        OptionResult option => option.Option,
        ArgumentResult { Parent: OptionResult option } => option.Option,
        _ => null,
    };
}
