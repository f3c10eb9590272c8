using NeuronMetrics.Config;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Tests.Config;

public sealed class MonitorConfigLoaderTests
{
    private readonly ListLog _log = new();

    private MonitorConfig Load(string json) => MonitorConfigLoader.Load(json, "test.conf", _log);

    private Action Loading(string json) => () => Load(json);

    [Fact]
    public void LoadFile_AllGroupsSample_ReadsEveryGroup()
    {
        var config = MonitorConfigLoader.LoadFile(RepositoryFiles.Sample("monitor-all-groups.conf"), _log);

        config.Period.Should().Be(TimeSpan.FromSeconds(1));
        config.Runtimes.Should().ContainSingle().Which.Groups.Should().Equal("neuroncore_counters", "memory_used", "neuron_runtime_vcpu_usage", "execution_stats");
        config.SystemGroups.Should().Equal("vcpu_usage", "memory_info", "neuron_hw_counters");
        _log.Lines.Should().BeEmpty();
    }

    [Fact]
    public void LoadFile_RepositoryMonitorConf_IsNeuronCoreOnly()
    {
        var config = MonitorConfigLoader.LoadFile(RepositoryFiles.At("monitor.conf"), _log);

        config.AllGroups.Should().Equal("neuroncore_counters");
    }

    [Fact]
    public void Load_CommentsAndTrailingCommas_AreAccepted()
    {
        var config = Load("""
            {
              // annotated copy
              "neuron_runtimes": [
                { "tag_filter": "^inference-.*", "metrics": [ { "type": "neuroncore_counters", }, ], },
              ],
            }
            """);

        config.Runtimes.Should().ContainSingle();
        config.SelectorFor("inference-1").Should().NotBeNull();
        config.SelectorFor("training").Should().BeNull();
    }

    [Fact]
    public void Load_TagFilter_MatchesWholeTag()
    {
        var config = Load("""{"neuron_runtimes":[{"tag_filter":"1","metrics":[{"type":"neuroncore_counters"}]}]}""");

        config.SelectorFor("1").Should().NotBeNull();
        config.SelectorFor("11").Should().BeNull();
    }

    [Fact]
    public void Load_MissingTagFilter_MatchesEverything()
    {
        var config = Load("""{"neuron_runtimes":[{"metrics":[{"type":"memory_used"}]}]}""");

        config.SelectorFor("anything").Should().NotBeNull();
    }

    [Fact]
    public void Load_UnknownGroupType_WarnsAndIgnores()
    {
        var config = Load("""{"neuron_runtimes":[{"metrics":[{"type":"neuroncore_counters"},{"type":"future_group"}]}]}""");

        config.Runtimes[0].Groups.Should().Equal("neuroncore_counters");
        _log.Lines.Should().ContainSingle().Which.Should().Be((LogLevel.Warning,
            "test.conf: field 'neuron_runtimes[0].metrics[1].type': unknown metric group \"future_group\" ignored"));
    }

    [Fact]
    public void Load_PeriodsOnEveryLevel_AreValidated()
    {
        var config = Load("""{"period":"500ms","neuron_runtimes":[{"period":"2s","metrics":[{"type":"memory_used","period":"1m"}]}],"system_metrics":[{"type":"memory_info","period":"1h"}]}""");

        config.Period.Should().Be(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void Load_EmptyObject_SelectsNothing()
    {
        Load("{}").AllGroups.Should().BeEmpty();
    }

    [Theory]
    [InlineData("{", "test.conf:1: invalid JSON")]
    [InlineData("[]", "test.conf: the top level must be an object")]
    [InlineData("{\"neuron_runtimes\":{}}", "test.conf: field 'neuron_runtimes' must be an array")]
    [InlineData("{\"neuron_runtimes\":[3]}", "test.conf: field 'neuron_runtimes[0]' must be an object")]
    [InlineData("{\"neuron_runtimes\":[{\"tag_filter\":5}]}", "test.conf: field 'neuron_runtimes[0].tag_filter' must be a string")]
    [InlineData("{\"neuron_runtimes\":[{\"tag_filter\":\"(\"}]}", "test.conf: field 'neuron_runtimes[0].tag_filter': invalid regex \"(\"")]
    [InlineData("{\"neuron_runtimes\":[{\"tag_filter\":\"a)|(b\"}]}", "test.conf: field 'neuron_runtimes[0].tag_filter': invalid regex")]
    [InlineData("{\"neuron_runtimes\":[{\"tag_filter\":\"(a)\\\\1\"}]}", "test.conf: field 'neuron_runtimes[0].tag_filter': invalid regex")]
    [InlineData("{\"neuron_runtimes\":[{\"metrics\":[{}]}]}", "test.conf: field 'neuron_runtimes[0].metrics[0].type' must be a non-empty string")]
    [InlineData("{\"neuron_runtimes\":[{\"metrics\":\"x\"}]}", "test.conf: field 'neuron_runtimes[0].metrics' must be an array")]
    [InlineData("{\"system_metrics\":[{\"type\":1}]}", "test.conf: field 'system_metrics[0].type' must be a non-empty string")]
    [InlineData("{\"period\":\"fast\"}", "test.conf: field 'period': invalid period \"fast\"")]
    [InlineData("{\"period\":5}", "test.conf: field 'period': invalid period 5")]
    [InlineData("{\"system_metrics\":[{\"type\":\"memory_info\",\"period\":\"-1s\"}]}", "test.conf: field 'system_metrics[0].period': invalid period")]
    public void Load_InvalidConfig_ThrowsNamingFileAndField(string json, string message)
    {
        Loading(json).Should().Throw<ConfigException>().Which.Message.Should().StartWith(message);
    }

    [Fact]
    public void LoadFile_MissingFile_NamesTheFile()
    {
        var act = () => MonitorConfigLoader.LoadFile("/nonexistent/monitor.conf", _log);

        act.Should().Throw<ConfigException>().Which.Message.Should().StartWith("/nonexistent/monitor.conf: cannot read config");
    }

    [Fact]
    public void CompileTagFilter_CatastrophicPattern_RunsInLinearTime()
    {
        var regex = MonitorConfigLoader.CompileTagFilter("(a+)+b");

        // A backtracking engine would not finish this; the linear engine answers at once.
        regex.IsMatch(new string('a', 50_000)).Should().BeFalse();
    }
}
