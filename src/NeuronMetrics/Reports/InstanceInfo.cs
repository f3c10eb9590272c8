namespace NeuronMetrics.Reports;

/// <summary>
/// The report's <c>instance_info</c> (2021 docs: <c>instance_data</c>); any field may be null when
/// IMDS was not reachable. Immutable: a stage that fills missing fields (instance metadata) sets
/// <see cref="NeuronReport.Instance"/> to a copy made with <c>with</c>, and should hand out the same
/// copy for the same input, since dimensions are cached by the identity of this object.
/// </summary>
public sealed record InstanceInfo(string? InstanceId, string? InstanceType, string? Region, string? AvailabilityZone)
{
    public static readonly InstanceInfo Unknown = new(null, null, null, null);

    /// <summary>Trn2 UltraServer the instance belongs to (<c>ultraserver_id</c>, newer neuron-monitor).</summary>
    public string? UltraServerId { get; init; }
}
