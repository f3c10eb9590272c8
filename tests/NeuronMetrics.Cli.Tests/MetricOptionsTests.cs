using NeuronMetrics.Aggregation;
using NeuronMetrics.Mapping;
using NeuronMetrics.Model;

namespace NeuronMetrics.Cli.Tests;

/// <summary>Parsing and validation of the metric, naming, dimension and resolution options.</summary>
public sealed class MetricOptionsTests
{
    private static (CliOptions? Options, IReadOnlyList<string> Errors) Parse(params string[] args)
    {
        var definition = new CommandLineDefinition();
        var result = definition.CreateRootCommand().Parse(args);
        return result.Errors.Count > 0 ? (null, result.Errors.Select(e => e.Message).ToList()) : (definition.ToOptions(result), []);
    }

    [Fact]
    public void Parse_NoOptions_Defaults()
    {
        var (options, errors) = Parse();

        errors.Should().BeEmpty();
        options!.Metrics.Should().BeNull();
        options.Naming.Should().Be(NamingStyle.Dimensional);
        options.Dimensions.Should().Equal("InstanceId");
        options.StaticDimensions.Should().BeEmpty();
        options.InstanceAverage.Should().BeFalse();
        options.StorageResolution.Should().Be(60);
        options.FlushInterval.Should().Be(TimeSpan.FromSeconds(60));
        options.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(5));
        options.StatsInterval.Should().Be(TimeSpan.FromMinutes(5));
    }

    [Theory]
    [InlineData("5s", 5000)]
    [InlineData("off", null)]
    [InlineData("0", null)]
    public void Parse_StatsInterval_GivenOrOff(string value, int? milliseconds)
    {
        var (options, errors) = Parse("--stats-interval", value, "--flush-interval", "1m", "--shutdown-timeout", "250ms");

        errors.Should().BeEmpty();
        options!.StatsInterval.Should().Be(milliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null);
        options.FlushInterval.Should().Be(TimeSpan.FromMinutes(1));
        options.ShutdownTimeout.Should().Be(TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public void Parse_AllOptions_Read()
    {
        var (options, errors) = Parse(
            "--metrics", "NeuronCore*, Execution?atencyP99", "--metrics", "SystemMemoryUsed", "--naming", "LEGACY",
            "--dimensions", "instancetype,RuntimeTag", "--dimension", "Team=ml", "--dimension", "Env=a=b",
            "--instance-average", "--storage-resolution", "1");

        errors.Should().BeEmpty();
        options!.Metrics.Should().Equal("NeuronCore*", "Execution?atencyP99", "SystemMemoryUsed");
        options.Naming.Should().Be(NamingStyle.Legacy);
        options.Dimensions.Should().Equal("InstanceType", "RuntimeTag");
        options.StaticDimensions.Should().Equal(new Dimension("Team", "ml"), new Dimension("Env", "a=b"));
        options.InstanceAverage.Should().BeTrue();
        options.StorageResolution.Should().Be(1);
    }

    [Theory]
    [InlineData("--metrics|Bogus", "--metrics: 'Bogus' matches no metric (known: NeuronCoreUtilization, *")]
    [InlineData("--metrics|NeuronCore*,Nope?", "--metrics: 'Nope?' matches no metric*")]
    [InlineData("--metrics|,", "--metrics: no metric names given")]
    [InlineData("--naming|flat", "--naming: invalid value 'flat' (expected dimensional or legacy)")]
    [InlineData("--dimensions|InstanceId,Region", "--dimensions: unknown dimension 'Region' (expected InstanceId, InstanceType, AvailabilityZone, RuntimeTag, ClusterName, TaskFamily, PodName, Namespace, ContainerName, UltraServerId)")]
    [InlineData("--dimensions|InstanceId,instanceid", "--dimensions: 'InstanceId' given twice")]
    [InlineData("--dimensions|,", "--dimensions: no dimension names given")]
    [InlineData("--dimension|novalue", "--dimension: 'novalue' is not Key=Value")]
    [InlineData("--dimension|Team=", "--dimension: value of dimension 'Team' is empty")]
    [InlineData("--dimension|:x=1", "--dimension: ':x=1': names and values must be ASCII, with a non-blank value, and names must not start with ':'")]
    [InlineData("--dimension|Team=é", "--dimension: 'Team=é': names and values must be ASCII*")]
    [InlineData("--dimension|NeuronCore=1", "--dimension: 'NeuronCore' is set by neuron-cw itself (use --dimensions to choose it)")]
    [InlineData("--dimension|A=1|--dimension|A=2", "--dimension: 'A' given twice")]
    [InlineData("--dimension|Team=a\u001bb", "--dimension: 'Team': names and values must not contain control characters")]
    [InlineData("--dimension|InstanceId=a|--dimension|instanceid=b", "--dimension: 'InstanceId' given twice")]
    [InlineData("--storage-resolution|30", "--storage-resolution: must be 1 (high resolution) or 60 (standard)")]
    public void Parse_BadValue_OneClearError(string args, string expected)
    {
        var (_, errors) = Parse(args.Split('|'));

        errors.Should().ContainSingle().Which.Should().Match(expected);
    }

    [Fact]
    public void Parse_FixedInstanceDimension_SentEvenIfNotChosenAndKeptApartFromStaticOnes()
    {
        var (options, errors) = Parse("--dimensions", "InstanceType", "--dimension", "instanceid=i-0abc", "--dimension", "Team=ml");

        errors.Should().BeEmpty();
        options!.Dimensions.Should().Equal("InstanceType", "InstanceId");
        options.InstanceDimensions.Should().Equal(new Dimension("InstanceId", "i-0abc"));
        options.StaticDimensions.Should().Equal(new Dimension("Team", "ml"));
    }

    [Fact]
    public void Parse_LongDimension_Rejected()
    {
        Parse("--dimension", new string('k', 256) + "=v").Errors.Should().ContainSingle().Which.Should().Be("--dimension: dimension name is longer than 255 characters");
        Parse("--dimension", "k=" + new string('v', 1025)).Errors.Should().ContainSingle().Which.Should().Be("--dimension: value of dimension 'k' is longer than 1024 characters");
        Parse("--dimension", "k=" + new string('v', 1024)).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Parse_TooManyDimensions_Rejected()
    {
        var args = new List<string> { "--dimensions", "InstanceId,InstanceType,AvailabilityZone,RuntimeTag" };
        for (int i = 0; i < 26; i++)
        {
            args.AddRange(["--dimension", $"D{i}=v"]);
        }

        Parse([.. args]).Errors.Should().ContainSingle().Which.Should().StartWith("--dimension: too many dimensions (4 chosen + 26 static + 1 per metric; at most 30)");
        Parse([.. args.Take(args.Count - 2)]).Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData(60, 60, AggregationMode.Values, null)]
    [InlineData(60, 10, AggregationMode.Values, "--flush-interval 10s with --storage-resolution 60: *about 6x*")]
    [InlineData(1, 10, AggregationMode.Statistics, null)]
    [InlineData(1, 60, AggregationMode.Values, "--storage-resolution 1 with --flush-interval 60s: *")]
    [InlineData(1, 120, AggregationMode.None, null)]
    public void StorageResolutionAdvice_WarnsOnlyOnPointlessCombinations(int resolution, int seconds, AggregationMode mode, string? expected)
    {
        string? advice = StorageResolutionAdvice.Check(resolution, TimeSpan.FromSeconds(seconds), mode);

        if (expected is null)
        {
            advice.Should().BeNull();
        }
        else
        {
            advice.Should().Match(expected);
        }
    }
}
