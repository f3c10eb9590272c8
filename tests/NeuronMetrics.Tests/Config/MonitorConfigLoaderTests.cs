using System.Text.RegularExpressions;
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

    [Theory]
    [InlineData("my_app", "my_app_1", true)] // a search, as neuron-monitor's own filter: the report holds what it kept
    [InlineData("^my_app", "my_app_1", true)]
    [InlineData("^my_app$", "my_app_1", false)] // anchors work as usual
    [InlineData("1", "11", true)]
    [InlineData("^1$", "11", false)]
    [InlineData("app", "other", false)]
    [InlineData("", "anything", true)]
    [InlineData("(?P<name>inf)erence", "inference-1", true)] // RE2's named group syntax
    public void Load_TagFilter_MatchesAsASearch(string filter, string tag, bool matches)
    {
        var config = Load($$"""{"neuron_runtimes":[{"tag_filter":"{{filter}}","metrics":[{"type":"neuroncore_counters"}]}]}""");

        (config.SelectorFor(tag) is not null).Should().Be(matches);
    }

    [Fact]
    public void Load_InferenceStatsType_IsExecutionStats()
    {
        var config = MonitorConfigLoader.LoadFile(RepositoryFiles.Sample("monitor-inference-stats-era.conf"), _log);

        config.Runtimes.Should().ContainSingle().Which.Groups.Should().Equal("neuroncore_counters", "execution_stats");
        _log.Lines.Should().BeEmpty();
    }

    [Fact]
    public void Load_AddressEntry_MatchesRuntimesWithThatAddress()
    {
        var config = Load("""
            {"neuron_runtimes":[
              {"address":"unix:/run/neuron.sock","metrics":[{"type":"memory_used"}]},
              {"tag_filter":"^app$","metrics":[{"type":"neuroncore_counters"}]}]}
            """);

        config.SelectorFor("unix:/run/neuron.sock", "unix:/run/neuron.sock")!.Groups.Should().Equal("memory_used");
        config.SelectorFor("other", "unix:/run/other.sock").Should().BeNull();
        config.SelectorFor("app")!.Groups.Should().Equal("neuroncore_counters");
        _log.Lines.Should().BeEmpty();
    }

    [Fact]
    public void Load_EntryWithoutFilterBeforeOthers_WarnsThatItShadowsThem()
    {
        var config = Load("""
            {"neuron_runtimes":[
              {"tag_filter":"^a$","metrics":[{"type":"memory_used"}]},
              {"metrics":[{"type":"neuroncore_counters"}]},
              {"tag_filter":"b","metrics":[{"type":"execution_stats"}]},
              {"address":"unix:/x","metrics":[{"type":"execution_stats"}]}]}
            """);

        config.SelectorFor("b")!.Groups.Should().Equal("neuroncore_counters");
        _log.Messages.Should().Equal("test.conf: field 'neuron_runtimes[1]' has neither tag_filter nor address, so it takes every runtime and the 2 entries after it never apply");
    }

    [Fact]
    public void Load_EntryWithoutFilterLast_IsNotWarned()
    {
        Load("""{"neuron_runtimes":[{"tag_filter":"a","metrics":[]},{"metrics":[]}]}""");

        _log.Lines.Should().BeEmpty();
    }

    [Fact]
    public void Load_ManyRuntimeEntries_RefusedBeforeAnyIsCompiled()
    {
        string entries = string.Join(",", Enumerable.Range(0, 20_000).Select(i => $$"""{"tag_filter":"app{{i}}(x|y)+z","metrics":[{"type":"neuroncore_counters"}]}"""));

        Loading($$"""{"neuron_runtimes":[{{entries}}]}""").Should().Throw<ConfigException>().Which.Message
            .Should().Be("test.conf: field 'neuron_runtimes' has 20000 entries; at most 256 are supported (one entry with a regex like \"a|b|c\" selects several tags)");
    }

    [Fact]
    public void Load_MaximumEntries_EachWithALongFilter_Loads()
    {
        string filter = string.Concat(Enumerable.Repeat("(ab|cd)+", MonitorConfigLoader.MaxTagFilterLength / 8));
        string entries = string.Join(",", Enumerable.Range(0, MonitorConfigLoader.MaxRuntimeEntries).Select(_ => $$"""{"tag_filter":"{{filter}}","metrics":[]}"""));

        Load($$"""{"neuron_runtimes":[{{entries}}]}""").Runtimes.Should().HaveCount(MonitorConfigLoader.MaxRuntimeEntries);
    }

    [Fact]
    public void Load_OverlongTagFilter_Refused()
    {
        string filter = new('a', MonitorConfigLoader.MaxTagFilterLength + 1);

        Loading($$"""{"neuron_runtimes":[{"tag_filter":"{{filter}}"}]}""").Should().Throw<ConfigException>().Which.Message
            .Should().Be("test.conf: field 'neuron_runtimes[0].tag_filter' is 1025 characters long; at most 1024 are supported");
    }

    [Fact]
    public void Load_InvalidUtf8InAString_IsAConfigError()
    {
        byte[] json = [.. "{\"neuron_runtimes\":[{\"tag_filter\":\""u8, 0xFF, 0xFE, .. "\"}]}"u8];

        var act = () => MonitorConfigLoader.Load(json, "test.conf", _log);

        act.Should().Throw<ConfigException>().Which.Message.Should().StartWith("test.conf");
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

    [Theory]
    [InlineData(".*")]
    [InlineData("^.*")]
    [InlineData(".*$")]
    public void CompileTagFilter_MatchAllPattern_TakesEveryTagWithTheCheapEngine(string pattern)
    {
        var regex = MonitorConfigLoader.CompileTagFilter(pattern);

        regex.Options.Should().NotHaveFlag(RegexOptions.NonBacktracking);
        new[] { "", "bert", "resnet-50\nx", new string('a', 50_000) }.Should().OnlyContain(tag => regex.IsMatch(tag));
    }

    [Fact]
    public void CompileTagFilter_OtherPattern_UsesTheLinearEngine()
    {
        MonitorConfigLoader.CompileTagFilter("^.*$").Options.Should().HaveFlag(RegexOptions.NonBacktracking, "it does not take a tag with a newline");
        MonitorConfigLoader.CompileTagFilter(".*x").Options.Should().HaveFlag(RegexOptions.NonBacktracking);
    }
}
