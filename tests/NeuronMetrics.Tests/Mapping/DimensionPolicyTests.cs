using NeuronMetrics.Mapping;
using NeuronMetrics.Metadata;
using NeuronMetrics.Model;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Tests.Mapping;

public sealed class DimensionPolicyTests
{
    private static readonly InstanceInfo Instance = new("i-1", "trn1.32xlarge", "us-east-1", "us-east-1a");
    private readonly ListLog _log = new();

    private DimensionPolicy Policy(params string[] selected) => new(
        new DimensionSettings
        {
            Selected = selected,
            Static = [new Dimension("Env", "prod")],
            Task = new EcsTaskInfo("cluster-a", "family-b"),
        },
        _log);

    private static RuntimeData Runtime(string tag, long? pid)
    {
        var runtime = new RuntimeData { Tag = tag, Pid = pid };
        return runtime;
    }

    [Fact]
    public void For_Instance_SelectedInOrderThenStatic()
    {
        var policy = Policy("AvailabilityZone", "InstanceType", "InstanceId", "ClusterName", "TaskFamily");

        policy.For(Instance).Should().Equal(
            new Dimension("AvailabilityZone", "us-east-1a"),
            new Dimension("InstanceType", "trn1.32xlarge"),
            new Dimension("InstanceId", "i-1"),
            new Dimension("ClusterName", "cluster-a"),
            new Dimension("TaskFamily", "family-b"),
            new Dimension("Env", "prod"));
    }

    [Fact]
    public void For_MissingInstanceFields_AreLeftOut()
    {
        Policy("InstanceId", "InstanceType").For(InstanceInfo.Unknown).Should().Equal(new Dimension("Env", "prod"));
    }

    [Fact]
    public void For_Default_InstanceIdOnlyAndCachedPerInstance()
    {
        var policy = new DimensionPolicy();

        var first = policy.For(Instance);

        first.Should().Equal(new Dimension("InstanceId", "i-1"));
        policy.For(Instance).Should().BeSameAs(first);
        policy.For(Instance with { InstanceType = "x" }).Should().NotBeSameAs(first);
    }

    [Fact]
    public void For_Runtime_AddsTagPerRuntimeAndCaches()
    {
        var policy = Policy("InstanceId", "RuntimeTag");
        var instance = policy.For(Instance);

        var trainer = policy.For(instance, Runtime("trainer", 457402));
        var evaluator = policy.For(instance, Runtime("evaluator", 457499));

        instance.Should().Equal(new Dimension("InstanceId", "i-1"), new Dimension("Env", "prod"));
        trainer.Should().Equal(new Dimension("InstanceId", "i-1"), new Dimension("Env", "prod"), new Dimension("RuntimeTag", "trainer"));
        evaluator[^1].Should().Be(new Dimension("RuntimeTag", "evaluator"));
        policy.For(instance, Runtime("trainer", 457402)).Should().BeSameAs(trainer);
        _log.Lines.Should().BeEmpty();
    }

    [Fact]
    public void For_RuntimeTagNotSelected_InstanceDimensionsOnly()
    {
        var policy = Policy("InstanceId");
        var instance = policy.For(Instance);

        policy.For(instance, Runtime("3100", 3100)).Should().BeSameAs(instance);
        _log.Lines.Should().BeEmpty(); // no RuntimeTag: a pid tag costs nothing
    }

    [Fact]
    public void For_PidTag_WarnsOncePerTag()
    {
        var policy = Policy("InstanceId", "RuntimeTag");
        var instance = policy.For(Instance);

        policy.For(instance, Runtime("3100", 3100));
        policy.For(instance, Runtime("3100", 3100));
        policy.For(policy.For(Instance with { InstanceType = "y" }), Runtime("3100", 3100)); // new instance array: cache rebuilt, still one warning
        policy.For(instance, Runtime("11", 2499));   // digits, but not the pid: a chosen tag
        policy.For(instance, Runtime("4242", null)); // digits, pid unknown
        policy.For(instance, Runtime("trainer", 1));

        _log.Messages.Should().Equal(
            "runtime tag '3100' looks like a pid: with the RuntimeTag dimension every restart creates new custom metrics (set NEURON_PROCESS_TAG to a stable name)",
            "runtime tag '4242' looks like a pid: with the RuntimeTag dimension every restart creates new custom metrics (set NEURON_PROCESS_TAG to a stable name)");
    }
}
