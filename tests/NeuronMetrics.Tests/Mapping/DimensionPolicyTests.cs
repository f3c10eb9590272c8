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
        policy.For(instance, Runtime("4242", null)); // digits, pid unknown
        policy.For(instance, Runtime("trainer", 1));

        _log.Messages.Should().Equal(
            "runtime tag '3100' is a pid: with the RuntimeTag dimension every restart creates new custom metrics (set NEURON_PROCESS_TAG to a stable name)",
            "runtime tag '4242' is a pid: with the RuntimeTag dimension every restart creates new custom metrics (set NEURON_PROCESS_TAG to a stable name)");
    }

    [Fact]
    public void For_DigitTagThatIsNotThePid_IsAContainerLocalPid()
    {
        var policy = Policy("InstanceId", "RuntimeTag");

        policy.For(policy.For(Instance), Runtime("535", 784315));

        _log.Messages.Should().Equal(
            "runtime tag '535' is a pid (a container-local pid: the process is pid 784315 on the host): with the RuntimeTag dimension every restart creates new custom metrics (set NEURON_PROCESS_TAG to a stable name)");
    }

    [Fact]
    public void For_RuntimesSharingATagInOneReport_WarnedOncePerTag()
    {
        var policy = Policy("InstanceId", "RuntimeTag");
        var instance = policy.For(Instance);

        for (int report = 0; report < 3; report++)
        {
            policy.BeginReport();
            var first = policy.For(instance, Runtime("serving", 31000));
            policy.For(instance, Runtime("serving", 31000)).Should().BeSameAs(first, "one series: the same dimensions");
            policy.For(instance, Runtime("serving", 31211));
            policy.For(instance, Runtime("other", 31422));
        }

        _log.Messages.Should().Equal(
            "several runtimes share the tag 'serving' (pids 31000 and 31211): with the RuntimeTag dimension they are combined into one series (per metric: max or sum, see the README); give each process its own NEURON_PROCESS_TAG");
    }

    [Fact]
    public void For_SameTagInSuccessiveReports_IsNotShared()
    {
        var policy = Policy("InstanceId", "RuntimeTag");
        var instance = policy.For(Instance);

        policy.BeginReport();
        policy.For(instance, Runtime("serving", 1));
        policy.BeginReport();
        policy.For(instance, Runtime("serving", 2)); // restarted: a new pid, one runtime per report

        _log.Lines.Should().BeEmpty();
    }

    [Fact]
    public void For_UltraServerIdAndKubernetes_AddedWhenSelected()
    {
        var policy = Policy("UltraServerId", "PodName", "ContainerName");
        var instance = Instance with { UltraServerId = "u-123" };
        var kubernetes = new KubernetesInfo(
            new Dictionary<string, KubernetesPlacement> { ["0"] = new("pod-a", "ns", "a,b"), ["1"] = new(null, "ns", null) },
            new Dictionary<string, KubernetesPlacement> { ["0"] = new("pod-a", null, null) });

        policy.For(instance).Should().Equal(new Dimension("UltraServerId", "u-123"), new Dimension("Env", "prod"));
        var placements = policy.For(kubernetes)!;
        placements.ForCore("0").Should().Equal(new Dimension("PodName", "pod-a"), new Dimension("ContainerName", "a,b"));
        placements.ForCore("1").Should().BeEmpty("only the selected ones, and missing values are left out");
        placements.ForCore("7").Should().BeEmpty();
        placements.ForDevice("0").Should().Equal(new Dimension("PodName", "pod-a"));
        policy.For(kubernetes).Should().BeSameAs(placements, "cached by the identity of the parsed block");
        Policy("InstanceId").For(kubernetes).Should().BeNull("no Kubernetes dimension selected");
    }
}
