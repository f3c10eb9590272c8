using System.Globalization;

namespace NeuronMetrics.Config;

/// <summary>Parses neuron-monitor style durations: "1s", "500ms", "1m", "1h", "1.5s".</summary>
public static class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().AsSpan();
        int unitStart = s.Length;
        while (unitStart > 0 && char.IsAsciiLetter(s[unitStart - 1]))
        {
            unitStart--;
        }

        var unit = s[unitStart..];
        if (!double.TryParse(s[..unitStart], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number)
            || !double.IsFinite(number))
        {
            return false;
        }

        double? seconds = unit switch
        {
            "ms" => number / 1000,
            "s" => number,
            "m" => number * 60,
            "h" => number * 3600,
            _ => null,
        };
        if (seconds is not { } value || value <= 0 || value > TimeSpan.FromDays(1).TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value);
        return true;
    }
}
