using System.CommandLine.Parsing;
using System.Globalization;
using NeuronMetrics.Config;

namespace NeuronMetrics.Cli;

/// <summary>
/// The value parsers of the command line: enums by their lowercase names, durations within a documented range.
/// Errors name the option, the value and what was expected; they end in exit code 2 like every usage error.
/// </summary>
internal static class OptionParsers
{
    /// <summary>An enum option: the lowercase member names (case-insensitive), plus any <paramref name="aliases"/>.</summary>
    public static Func<ArgumentResult, TEnum> Choice<TEnum>(params (string Alias, TEnum Value)[] aliases)
        where TEnum : struct, Enum => result =>
    {
        string text = Text(result);
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(Name(value), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        foreach (var (alias, value) in aliases)
        {
            if (string.Equals(alias, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        result.AddError($"{OptionName(result)}: invalid value '{text}' (expected {Choices<TEnum>(", ", " or ")})");
        return default;
    };

    /// <summary>How a user types <paramref name="value"/>: its lowercase name.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>The names of <typeparamref name="TEnum"/>, e.g. "values|statistics|none" for help.</summary>
    public static string Choices<TEnum>(string separator = "|", string? lastSeparator = null)
        where TEnum : struct, Enum
    {
        var names = System.Enum.GetValues<TEnum>().Select(Name).ToList();
        return lastSeparator is null || names.Count < 2
            ? string.Join(separator, names)
            : string.Join(separator, names[..^1]) + lastSeparator + names[^1];
    }

    /// <summary>A duration (500ms, 5s, 1m, 1h) between <paramref name="minimum"/> and <paramref name="maximum"/>.</summary>
    public static Func<ArgumentResult, TimeSpan> Duration(TimeSpan minimum, TimeSpan maximum) => result =>
    {
        string text = Text(result);
        if (!DurationParser.TryParse(text, out var duration))
        {
            result.AddError($"{OptionName(result)}: invalid duration '{text}' (expected e.g. 500ms, 5s, 1m)");
            return default;
        }

        if (duration < minimum || duration > maximum)
        {
            result.AddError($"{OptionName(result)}: {text} is out of range ({FormatDuration(minimum)} to {FormatDuration(maximum)})");
            return default;
        }

        return duration;
    };

    /// <summary>As <see cref="Duration"/>, or "off" (also "0"), returned as <see cref="TimeSpan.Zero"/>.</summary>
    public static Func<ArgumentResult, TimeSpan> DurationOrOff(TimeSpan minimum, TimeSpan maximum)
    {
        var duration = Duration(minimum, maximum);
        return result => Text(result) is "0" || Text(result).Equals("off", StringComparison.OrdinalIgnoreCase) ? TimeSpan.Zero : duration(result);
    }

    /// <summary>A duration the way it is typed: "500ms", "60s", "5m", "1h".</summary>
    /// <remarks>
    /// Whole units in integer arithmetic: every run formats the defaults in the help texts and the flush interval on its
    /// startup line, and the first double formatted sets up (and pages in) number formatting: ~0.5% of the perf samples
    /// of a Native AOT dry run on empty input.
    /// </remarks>
    public static string FormatDuration(TimeSpan span)
    {
        long ticks = span.Ticks;
        if (ticks % TimeSpan.TicksPerSecond != 0)
        {
            return ticks % TimeSpan.TicksPerMillisecond == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{ticks / TimeSpan.TicksPerMillisecond}ms")
                : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0.###}ms");
        }

        long seconds = ticks / TimeSpan.TicksPerSecond;
        return seconds switch
        {
            >= 3600 when seconds % 3600 == 0 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}h"),
            >= 120 when seconds % 60 == 0 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds}s"),
        };
    }

    private static string Text(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : "";

    private static string OptionName(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.Option.Name : "value";
}
