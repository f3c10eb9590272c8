using NeuronMetrics.Reports;

namespace NeuronMetrics.Metadata;

/// <summary>
/// Where the identity of the instance comes from when the reports lack it (a container without host networking):
/// EC2 instance metadata in the executable, a fake in tests. The core knows nothing of AWS.
/// </summary>
public interface IInstanceMetadataSource
{
    /// <summary>Where it asks, for messages (e.g. "instance metadata at http://169.254.169.254").</summary>
    string Description { get; }

    /// <summary>The instance's id, type, availability zone and region.</summary>
    /// <exception cref="InstanceMetadataException">Not available; the message says why.</exception>
    Task<InstanceInfo> ReadAsync(CancellationToken cancellationToken);
}
