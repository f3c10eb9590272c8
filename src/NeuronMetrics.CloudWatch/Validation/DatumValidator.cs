using System.Buffers;
using System.Text;
using NeuronMetrics.Model;

namespace NeuronMetrics.CloudWatch.Validation;

/// <summary>
/// Checks datums against CloudWatch's PutMetricData rules before they are sent, so one bad datum is
/// dropped on its own instead of making the service reject the whole batch (400 InvalidParameterValue).
/// </summary>
internal static class DatumValidator
{
    /// <summary>CloudWatch <c>StandardUnit</c> values.</summary>
    private static readonly HashSet<string> StandardUnits = new(StringComparer.Ordinal)
    {
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
        "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second",
        "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second",
        "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    };

    /// <summary>Characters CloudWatch allows in a namespace: alphanumerics and . - _ / # : space.</summary>
    private static readonly SearchValues<char> NamespaceCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_/#: ");

    /// <summary>Returns why <paramref name="metricNamespace"/> cannot be used, or null when it can. The CLI calls this at startup.</summary>
    public static string? ValidateNamespace(string? metricNamespace)
    {
        if (string.IsNullOrEmpty(metricNamespace))
        {
            return "namespace is empty";
        }

        if (metricNamespace.Length > CloudWatchLimits.MaxNamespaceLength)
        {
            return $"namespace is longer than {CloudWatchLimits.MaxNamespaceLength} characters";
        }

        if (metricNamespace.StartsWith(CloudWatchLimits.ReservedNamespacePrefix, StringComparison.Ordinal))
        {
            return $"namespace '{metricNamespace}' starts with the reserved prefix '{CloudWatchLimits.ReservedNamespacePrefix}'";
        }

        if (metricNamespace.AsSpan().IndexOfAnyExcept(NamespaceCharacters) >= 0)
        {
            return $"namespace '{metricNamespace}' may contain only letters, digits, space and . - _ / # :";
        }

        return null;
    }

    /// <summary>Returns why a dimension would be rejected (empty, too long, invalid text), or null. The CLI checks static dimensions with it.</summary>
    public static string? ValidateDimension(string name, string value) =>
        TextError("dimension name", name, CloudWatchLimits.MaxDimensionNameLength)
        ?? TextError($"value of dimension '{name}'", value, CloudWatchLimits.MaxDimensionValueLength);

    /// <summary>Returns why <paramref name="datum"/> would be rejected by CloudWatch at <paramref name="now"/>, or null when it is valid.</summary>
    public static string? Validate(MetricDatum datum, DateTimeOffset now)
    {
        if (TextError("metric name", datum.MetricName, CloudWatchLimits.MaxMetricNameLength) is { } nameError)
        {
            return nameError;
        }

        if (datum.Dimensions.Count > CloudWatchLimits.MaxDimensionsPerDatum)
        {
            return $"{datum.Dimensions.Count} dimensions (at most {CloudWatchLimits.MaxDimensionsPerDatum})";
        }

        for (var i = 0; i < datum.Dimensions.Count; i++)
        {
            var dimension = datum.Dimensions[i];
            if (TextError("dimension name", dimension.Name, CloudWatchLimits.MaxDimensionNameLength) is { } dimensionNameError)
            {
                return dimensionNameError;
            }

            if (TextError($"value of dimension '{dimension.Name}'", dimension.Value, CloudWatchLimits.MaxDimensionValueLength) is { } dimensionValueError)
            {
                return dimensionValueError;
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(datum.Dimensions[j].Name, dimension.Name, StringComparison.Ordinal))
                {
                    return $"duplicate dimension '{dimension.Name}'";
                }
            }
        }

        if (datum.Timestamp < now - CloudWatchLimits.MaxTimestampAge)
        {
            return $"timestamp {datum.Timestamp.UtcDateTime:O} is more than {CloudWatchLimits.MaxTimestampAge.TotalDays:0} days old";
        }

        if (datum.Timestamp > now + CloudWatchLimits.MaxTimestampLead)
        {
            return $"timestamp {datum.Timestamp.UtcDateTime:O} is more than {CloudWatchLimits.MaxTimestampLead.TotalHours:0} hours in the future";
        }

        if (datum.StorageResolution is not (CloudWatchLimits.HighResolutionSeconds or CloudWatchLimits.StandardResolutionSeconds))
        {
            return $"storage resolution {datum.StorageResolution} (must be 1 or 60)";
        }

        if (!StandardUnits.Contains(datum.Unit ?? string.Empty))
        {
            return $"unit '{datum.Unit}' is not a CloudWatch standard unit";
        }

        return ValueError(datum);
    }

    /// <summary>True when <paramref name="value"/> is finite and 0 or within CloudWatch's magnitude range.</summary>
    public static bool IsAcceptedValue(double value)
    {
        if (value == 0)
        {
            return true;
        }

        var magnitude = Math.Abs(value);
        return double.IsFinite(value) && magnitude >= CloudWatchLimits.MinValueMagnitude && magnitude <= CloudWatchLimits.MaxValueMagnitude;
    }

    private static string? ValueError(MetricDatum datum)
    {
        var kinds = (datum.Value.HasValue ? 1 : 0) + (datum.Values is not null ? 1 : 0) + (datum.StatisticValues.HasValue ? 1 : 0);
        if (kinds != 1)
        {
            return "exactly one of Value, Values or StatisticValues must be set";
        }

        if (datum.Value is { } value)
        {
            return IsAcceptedValue(value) ? null : $"value {Show(value)} is outside CloudWatch's range";
        }

        if (datum.StatisticValues is { } s)
        {
            if (!IsAcceptedValue(s.SampleCount) || !IsAcceptedValue(s.Sum) || !IsAcceptedValue(s.Minimum) || !IsAcceptedValue(s.Maximum))
            {
                return "a statistic value is non-finite or outside CloudWatch's range";
            }

            if (s.SampleCount <= 0)
            {
                return $"statistic sample count {Show(s.SampleCount)} is not positive";
            }

            return s.Minimum <= s.Maximum ? null : $"statistic minimum {Show(s.Minimum)} exceeds maximum {Show(s.Maximum)}";
        }

        var values = datum.Values!;
        if (values.Count is 0 or > CloudWatchLimits.MaxValuesPerDatum)
        {
            return $"{values.Count} values (must be 1..{CloudWatchLimits.MaxValuesPerDatum})";
        }

        if (datum.Counts is { } counts && counts.Count != values.Count)
        {
            return $"{counts.Count} counts for {values.Count} values";
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!IsAcceptedValue(values[i]))
            {
                return $"value {Show(values[i])} is outside CloudWatch's range";
            }

            if (datum.Counts is { } c && !(double.IsFinite(c[i]) && c[i] > 0 && IsAcceptedValue(c[i])))
            {
                return $"count {Show(c[i])} is not a positive finite number";
            }
        }

        return null;
    }

    private static string? TextError(string what, string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return $"{what} is empty";
        }

        if (text.Length > maxLength)
        {
            return $"{what} is longer than {maxLength} characters";
        }

        // A lone surrogate cannot be encoded as UTF-8; the service would see a replacement character.
        if (HasLoneSurrogate(text))
        {
            return $"{what} is not valid Unicode";
        }

        return null;
    }

    private static bool HasLoneSurrogate(string text)
    {
        var rest = text.AsSpan();
        if (rest.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return false;
        }

        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var consumed) != OperationStatus.Done)
            {
                return true;
            }

            rest = rest[consumed..];
        }

        return false;
    }

    private static string Show(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
