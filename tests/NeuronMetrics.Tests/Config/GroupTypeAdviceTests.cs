using NeuronMetrics.Config;

namespace NeuronMetrics.Tests.Config;

/// <summary>An unknown group type in a config: the warning says what was probably meant.</summary>
public sealed class GroupTypeAdviceTests
{
    private readonly ListLog _log = new();

    private MonitorConfig Load(string json) => MonitorConfigLoader.Load(json, "test.conf", _log);

    [Theory]
    [InlineData("neuron_runtimes", "neuroncore_counter", "did you mean \"neuroncore_counters\"?")]
    [InlineData("neuron_runtimes", "memory_usd", "did you mean \"memory_used\"?")]
    [InlineData("neuron_runtimes", "nc_counters", "older neuron-monitor versions' name for \"neuroncore_counters\"")]
    [InlineData("neuron_runtimes", "runtime_cpu_usage", "older neuron-monitor versions' name for \"neuron_runtime_vcpu_usage\"")]
    [InlineData("neuron_runtimes", "hw_counters", "older neuron-monitor versions' name for \"neuron_hw_counters\", a group of 'system_metrics'")]
    [InlineData("neuron_runtimes", "vcpu_usage", "it is a group of 'system_metrics': list it there")]
    [InlineData("system_metrics", "memory_used", "it is a group of 'neuron_runtimes[].metrics': list it there")]
    [InlineData("system_metrics", "cpu_usage", "older neuron-monitor versions' name for \"vcpu_usage\"")]
    public void Load_UnknownGroupType_SaysTheClosestKnownName(string section, string type, string advice)
    {
        string json = section == "system_metrics"
            ? $$"""{"system_metrics":[{"type":"{{type}}"}]}"""
            : $$"""{"neuron_runtimes":[{"metrics":[{"type":"{{type}}"}]}]}""";

        Load(json).AllGroups.Should().BeEmpty();

        _log.Messages.Should().ContainSingle().Which.Should().EndWith($"unknown metric group \"{type}\" ignored; {advice}");
    }
}
