using System.Text.RegularExpressions;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests;

/// <summary><c>neuron-cw cost</c> on the bundled samples, with figures worked out by hand in the comments.</summary>
public sealed partial class CostCommandEndToEndTests
{
    private static async Task<NeuronCwResult> CostAsync(params string[] arguments)
    {
        var result = await NeuronCwProcess.RunAsync(["cost", .. arguments], "");
        return result;
    }

    private static string[] Row(NeuronCwResult result, string label) =>
        RowPattern().Split(result.StdoutLines.Single(l => l.StartsWith(label + "  ", StringComparison.Ordinal))[label.Length..].Trim());

    [Fact]
    public async Task Cost_Inf1UtilizationOnly_MatchesHandCalculation()
    {
        var result = await CostAsync("--input", RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl"), "--config", RepositoryFiles.At("monitor.conf"), "--instances", "100");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("Custom metrics per instance: 4").And.Contain("  NeuronCoreUtilization");
        // 4 metrics × 0.30 = 1.20; one request a minute: 730 h × 60 = 43,800 requests = 0.438 $.
        Row(result, "neuron-cw").Should().Equal("1", "4", "43,800", "1.20", "0.44", "1.64");
        // One request per 1 s report (the config's period): 730 × 3600 = 2,628,000 requests = 26.28 $.
        Row(result, "AWS sample script").Should().Equal("1", "4", "2,628,000", "1.20", "26.28", "27.48");
        // 100 instances: 400 metrics = 120 $, 4,380,000 requests = 43.80 $.
        Row(result, "neuron-cw, fleet").Should().Equal("100", "400", "4,380,000", "120.00", "43.80", "163.80");
        result.Stdout.Should().Contain("Difference for 100 instance(s): 2,584.20 $ per month in favour of neuron-cw.");
    }

    [Fact]
    public async Task Cost_AllGroupsSample_ComparesWithEveryGroupOfTheScript()
    {
        var result = await CostAsync("--input", RepositoryFiles.Sample("inf1.xlarge-all-groups.jsonl"), "--config", RepositoryFiles.Sample("monitor-all-groups.conf"), "--metrics", "NeuronCoreUtilization");

        result.ExitCode.Should().Be(0, result.ToString());
        Row(result, "neuron-cw").Should().Equal("1", "4", "43,800", "1.20", "0.44", "1.64");
        // Every group of this inf1 report, legacy per-core names: the same 25 metrics the all-groups dry run sends.
        Row(result, "AWS sample script")[1].Should().Be("25");
    }

    [Fact]
    public async Task Cost_InstanceType_EstimatesFromASyntheticReport()
    {
        var result = await CostAsync("--instance-type", "trn1.32xlarge", "--flush-interval", "60s", "--report-period", "5s");

        result.ExitCode.Should().Be(0, result.ToString());
        // No config: utilization only, one metric per core of the 32.
        Row(result, "neuron-cw").Should().Equal("1", "32", "43,800", "9.60", "0.44", "10.04");
        // Every group at one request per 5 s report: 525,600 requests = 5.26 $.
        Row(result, "AWS sample script")[2].Should().Be("525,600");
    }

    [Fact]
    public async Task Cost_PriceOverrides_AreUsed()
    {
        var result = await CostAsync("--input", RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl"), "--report-period", "1s", "--metric-prices", "1,1,1,1", "--request-price", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        Row(result, "neuron-cw").Should().Equal("1", "4", "43,800", "4.00", "0.00", "4.00");
    }

    [Theory]
    [InlineData(new string[0], "cost: give either --input FILE or --instance-type TYPE")]
    [InlineData(new[] { "--instance-type", "m5.large" }, "--instance-type: unknown instance type 'm5.large'")]
    [InlineData(new[] { "--instance-type", "inf1.xlarge", "--input", "x" }, "cost: give either --input FILE or --instance-type TYPE")]
    [InlineData(new[] { "--instance-type", "inf1.xlarge", "--instances", "0" }, "--instances: must be at least 1")]
    [InlineData(new[] { "--instance-type", "inf1.xlarge", "--metric-prices", "0.3" }, "--metric-prices: expected four non-negative prices")]
    [InlineData(new[] { "--input", "/nonexistent/sample.jsonl" }, "--input /nonexistent/sample.jsonl:")]
    public async Task Cost_BadArguments_ExitTwoWithMessage(string[] arguments, string message)
    {
        var result = await CostAsync(arguments);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain(message);
        result.StderrLines.Should().ContainSingle().Which.Should().EndWith("; see 'neuron-cw cost --help'");
    }

    [Fact]
    public async Task DryRun_Summary_StatesMetricCountAndEstimate()
    {
        var result = await NeuronCwProcess.RunAsync(["--dry-run"], File.ReadAllBytes(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl")));

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stderr.Should().Contain("dry-run: 4 distinct custom metrics; sent like this for a month one instance costs about 1.64 $ (4 metrics 1.20 $ + 43,800 requests 0.44 $)");
    }

    [Fact]
    public async Task DryRun_ReplayFasterThanRealTime_SaysTheEstimateDoesNotApply()
    {
        var result = await NeuronCwProcess.RunAsync(["--dry-run"], Operations.OpsInputs.DistinctReportsForOneInstance(600));

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stderr.Should().Contain("dry-run: 4 distinct custom metrics; the input came faster than real time").And.NotContain("costs about");
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex RowPattern();
}
