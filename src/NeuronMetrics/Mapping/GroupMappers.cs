namespace NeuronMetrics.Mapping;

/// <summary>The mapper of every metric group this version sends.</summary>
public static class GroupMappers
{
    public static IReadOnlyList<IGroupMapper> All() => [new NeuronCoreCountersMapper()];
}
