namespace NeuronMetrics.Cost;

/// <summary>Inferentia and Trainium instance types, for estimates without a sample report.</summary>
public static class InstanceShapes
{
    public static IReadOnlyList<InstanceShape> All { get; } =
    [
        new("inf1.xlarge", 1, 4, 4),
        new("inf1.2xlarge", 1, 4, 8),
        new("inf1.6xlarge", 4, 16, 24),
        new("inf1.24xlarge", 16, 64, 96),
        new("inf2.xlarge", 1, 2, 4),
        new("inf2.8xlarge", 1, 2, 32),
        new("inf2.24xlarge", 6, 12, 96),
        new("inf2.48xlarge", 12, 24, 192),
        new("trn1.2xlarge", 1, 2, 8),
        new("trn1.32xlarge", 16, 32, 128),
        new("trn1n.32xlarge", 16, 32, 128),
        // trn2: 8 physical cores per device, reported as 4 logical NeuronCores with the default LNC=2.
        new("trn2.48xlarge", 16, 64, 192),
        new("trn2u.48xlarge", 16, 64, 192),
    ];

    public static InstanceShape? Find(string instanceType) =>
        All.FirstOrDefault(s => string.Equals(s.InstanceType, instanceType, StringComparison.OrdinalIgnoreCase));
}
