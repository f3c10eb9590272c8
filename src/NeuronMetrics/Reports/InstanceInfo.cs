namespace NeuronMetrics.Reports;

/// <summary>The report's <c>instance_info</c>; any field may be null when IMDS was not reachable.</summary>
public sealed record InstanceInfo(string? InstanceId, string? InstanceType, string? Region, string? AvailabilityZone)
{
    public static readonly InstanceInfo Unknown = new(null, null, null, null);
}
