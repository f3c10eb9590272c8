using NeuronMetrics.CloudWatch;
using NeuronMetrics.Mapping;
using NeuronMetrics.Metadata;

namespace NeuronMetrics.Cli;

/// <summary>Reads the ECS task once at startup when ClusterName or TaskFamily are dimensions; their values must be sendable.</summary>
internal static class EcsTaskSetup
{
    private const string What = "--dimensions ClusterName/TaskFamily";

    /// <summary>The task, or null when no ECS dimension is selected.</summary>
    /// <exception cref="StartupException">Not readable, or a value CloudWatch would reject on every datum (exit 2).</exception>
    public static async Task<EcsTaskInfo?> ReadAsync(IReadOnlyList<string> dimensions, CancellationToken stop)
    {
        if (!new DimensionSettings { Selected = dimensions }.NeedsEcsTask)
        {
            return null;
        }

        EcsTaskInfo task;
        try
        {
            task = await EcsTaskMetadataReader.ReadAsync(
                Environment.GetEnvironmentVariable(EcsTaskMetadataReader.EndpointVariable), EcsTaskMetadataReader.DefaultTimeout, stop).ConfigureAwait(false);
        }
        catch (EcsMetadataException ex)
        {
            throw new StartupException(ExitCodes.UsageError, $"{What}: {ex.Message}");
        }

        Check(dimensions, DimensionNames.ClusterName, task.ClusterName, "Cluster");
        Check(dimensions, DimensionNames.TaskFamily, task.Family, "Family");
        return task;
    }

    private static void Check(IReadOnlyList<string> dimensions, string dimension, string? value, string field)
    {
        if (!dimensions.Contains(dimension))
        {
            return;
        }

        if (value is null)
        {
            throw new StartupException(ExitCodes.UsageError, $"{What}: the ECS task metadata has no {field}");
        }

        // Checked once here: a value CloudWatch rejects would otherwise drop every datum, forever.
        if (CloudWatchSinkFactory.ValidateDimension(dimension, value) is { } invalid)
        {
            throw new StartupException(ExitCodes.UsageError, $"{What}: the ECS task metadata's {field}: {invalid}");
        }

        if (value.Any(char.IsControl))
        {
            throw new StartupException(ExitCodes.UsageError, $"{What}: the ECS task metadata's {field} contains control characters");
        }
    }
}
