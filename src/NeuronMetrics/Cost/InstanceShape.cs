namespace NeuronMetrics.Cost;

/// <summary>What neuron-monitor reports on an instance type: Neuron devices, NeuronCores (as it numbers them) and vCPUs.</summary>
public sealed record InstanceShape(string InstanceType, int NeuronDevices, int NeuronCores, int Vcpus);
