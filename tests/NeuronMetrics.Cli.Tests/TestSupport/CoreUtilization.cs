namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>One NeuronCore of one instance: the dimensions of a <c>NeuronCoreUtilization</c> metric.</summary>
internal readonly record struct CoreUtilization(string InstanceId, string NeuronCore)
{
    public override string ToString() => $"{InstanceId}/core {NeuronCore}";
}
