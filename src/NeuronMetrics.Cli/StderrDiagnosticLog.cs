using System.Text;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Cli;

/// <summary>Diagnostics as one line each on stderr, prefixed with the program name and level.</summary>
internal sealed class StderrDiagnosticLog(StderrWriter error, LogLevel minimum) : IDiagnosticLog
{
    public bool IsEnabled(LogLevel level) => level >= minimum;

    public void Write(LogLevel level, string message)
    {
        if (IsEnabled(level))
        {
            error.TryWrite(Encoding.UTF8.GetBytes($"neuron-cw: {Label(level)}: {Printable(message)}\n"));
        }
    }

    internal static string Label(LogLevel level) => level switch
    {
        LogLevel.Debug => "debug",
        LogLevel.Info => "info",
        LogLevel.Warning => "warning",
        _ => "error",
    };

    /// <summary>One physical line whatever the message holds, and no control characters: nothing a terminal would act on.</summary>
    internal static string Printable(string message)
    {
        message = message.ReplaceLineEndings(" ");
        if (!message.AsSpan().ContainsAnyInRange('\0', '\x1f') && !message.Contains('\x7f', StringComparison.Ordinal))
        {
            return message;
        }

        var builder = new StringBuilder(message.Length + 8);
        foreach (char c in message)
        {
            builder.Append(char.IsControl(c) ? $"\\x{(int)c:X2}" : c);
        }

        return builder.ToString();
    }
}
