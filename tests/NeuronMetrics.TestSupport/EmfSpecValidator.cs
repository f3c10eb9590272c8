using System.Text.Json;

namespace NeuronMetrics.TestSupport;

/// <summary>
/// Checks one line against the required parts of the CloudWatch Embedded Metric Format specification.
/// Shared by the EmfSink unit tests and the end-to-end EMF test.
/// </summary>
public static class EmfSpecValidator
{
    /// <summary>Problems found; empty when the document is valid.</summary>
    public static List<string> Validate(string line)
    {
        var problems = new List<string>();
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("_aws", out var aws) || aws.ValueKind != JsonValueKind.Object)
        {
            problems.Add("root must be an object with an _aws object");
            return problems;
        }

        if (!aws.TryGetProperty("Timestamp", out var timestamp) || timestamp.ValueKind != JsonValueKind.Number || !timestamp.TryGetInt64(out _))
        {
            problems.Add("_aws.Timestamp must be a number (ms since epoch)");
        }

        if (!aws.TryGetProperty("CloudWatchMetrics", out var directives) || directives.ValueKind != JsonValueKind.Array || directives.GetArrayLength() == 0)
        {
            problems.Add("_aws.CloudWatchMetrics must be a non-empty array");
            return problems;
        }

        foreach (var directive in directives.EnumerateArray())
        {
            if (!directive.TryGetProperty("Namespace", out var ns) || ns.ValueKind != JsonValueKind.String || ns.GetString()!.Length is 0 or > 255)
            {
                problems.Add("directive Namespace must be a string of 1-255 characters");
            }

            if (!directive.TryGetProperty("Dimensions", out var sets) || sets.ValueKind != JsonValueKind.Array)
            {
                problems.Add("directive Dimensions must be an array of arrays");
            }
            else
            {
                foreach (var set in sets.EnumerateArray())
                {
                    if (set.ValueKind != JsonValueKind.Array || set.GetArrayLength() > 30)
                    {
                        problems.Add("a DimensionSet must be an array of at most 30 keys");
                        continue;
                    }

                    foreach (var key in set.EnumerateArray())
                    {
                        if (key.ValueKind != JsonValueKind.String || !root.TryGetProperty(key.GetString()!, out var value) || value.ValueKind != JsonValueKind.String)
                        {
                            problems.Add($"dimension {key} must be a string root member");
                        }
                    }
                }
            }

            if (!directive.TryGetProperty("Metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array || metrics.GetArrayLength() is 0 or > 100)
            {
                problems.Add("directive Metrics must be an array of 1-100 metric definitions");
                continue;
            }

            foreach (var metric in metrics.EnumerateArray())
            {
                if (!metric.TryGetProperty("Name", out var name) || name.ValueKind != JsonValueKind.String)
                {
                    problems.Add("metric definition needs a Name string");
                    continue;
                }

                if (metric.TryGetProperty("Unit", out var unit) && unit.ValueKind != JsonValueKind.String)
                {
                    problems.Add("Unit must be a string");
                }

                if (metric.TryGetProperty("StorageResolution", out var resolution) && resolution.GetInt32() is not (1 or 60))
                {
                    problems.Add("StorageResolution must be 1 or 60");
                }

                if (!root.TryGetProperty(name.GetString()!, out var target))
                {
                    problems.Add($"metric {name} has no root member");
                }
                else if (target.ValueKind == JsonValueKind.Array)
                {
                    if (target.GetArrayLength() is 0 or > 100 || target.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
                    {
                        problems.Add($"metric {name} must be an array of 1-100 numbers");
                    }
                }
                else if (target.ValueKind != JsonValueKind.Number)
                {
                    problems.Add($"metric {name} must be a number or an array of numbers");
                }
            }
        }

        return problems;
    }
}
