using System.Text.Json;
using System.Text.Json.Nodes;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests;

/// <summary>
/// <c>neuron-cw dashboard</c> and <c>neuron-cw alarms</c> against moto_server: put with --put and with the AWS CLI from
/// the printed JSON, read back with boto3, and every metric a widget or an alarm names checked against ListMetrics
/// after a real run with the same options. Each test has its own namespace, dashboard name and instance id.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class SeeItEndToEndTests(MotoServerFixture moto)
{
    private const string AllGroupsSample = "inf1.xlarge-all-groups.jsonl";

    /// <summary>The instance in the all-groups sample's reports.</summary>
    private const string SampleInstance = "i-0123456789abcdef0";

    public static TheoryData<string, string[]> RunOptions() => new()
    {
        { "monitor.conf", ["--instance-average"] },
        { "samples/monitor-all-groups.conf", ["--instance-average"] },
        { "samples/monitor-all-groups.conf", ["--instance-average", "--dimensions", "InstanceId,InstanceType,RuntimeTag", "--dimension", "Team=ml platform"] },
    };

    [Theory]
    [MemberData(nameof(RunOptions))]
    public async Task DashboardAndAlarms_SameOptionsAsARun_NameExactlyTheMetricsTheRunSent(string config, string[] options)
    {
        string metricNamespace = UniqueNamespace();
        string[] common = ["-c", RepositoryFiles.At(config), "--namespace", metricNamespace, .. options];
        string sample = RepositoryFiles.Sample(AllGroupsSample);

        var run = await NeuronCwProcess.RunAsync([.. common, .. Moto()], File.ReadAllBytes(sample), MotoServerEndToEndTests.DummyCredentials());
        run.ExitCode.Should().Be(0, run.ToString());
        var dashboard = await NeuronCwProcess.RunAsync(["dashboard", .. common, "--region", CloudWatchReadback.Region], "");
        dashboard.ExitCode.Should().Be(0, dashboard.ToString());
        var alarms = await NeuronCwProcess.RunAsync(["alarms", .. common, "--input", sample], "");
        alarms.ExitCode.Should().Be(0, alarms.ToString());

        var sent = await MotoReadback.MetricsAsync(moto.Url, metricNamespace);
        var graphed = MetricReference.FromDashboardBody(Body(dashboard.Stdout)).ToHashSet();
        var alarmed = alarms.StdoutLines.Select(l => MetricReference.FromAlarm(JsonDocument.Parse(l).RootElement)).ToHashSet();

        sent.Should().NotBeEmpty();
        graphed.Should().BeSubsetOf(sent, "a widget names only metrics the run sent (namespace, name, dimension names)");
        sent.Should().BeSubsetOf(graphed, "every metric the run sent is on the dashboard");
        alarmed.Should().BeSubsetOf(sent, "an alarm watches only metrics the run sent");
        alarmed.Select(a => a.Name).Should().Contain("NeuronCoreUtilizationAverage");
    }

    [Fact]
    public async Task DashboardPut_ThenGetDashboard_HoldsThePrintedBody()
    {
        string name = "neuron-cw-e2e-" + Guid.NewGuid().ToString("N")[..12];
        string[] common = ["dashboard", "-c", RepositoryFiles.At("samples/monitor-all-groups.conf"), "--instance-average", "--name", name, "--input", RepositoryFiles.Sample(AllGroupsSample), .. Moto()];

        var printed = await NeuronCwProcess.RunAsync(common, "");
        var put = await NeuronCwProcess.RunAsync([.. common, "--put"], "", MotoServerEndToEndTests.DummyCredentials());

        printed.ExitCode.Should().Be(0, printed.ToString());
        put.ExitCode.Should().Be(0, put.ToString());
        put.Stdout.Should().BeEmpty("--put sends instead of printing");
        string stored = await MotoReadback.DashboardBodyAsync(moto.Url, name);
        JsonNode.DeepEquals(JsonNode.Parse(stored), JsonNode.Parse(Body(printed.Stdout))).Should().BeTrue();
        JsonNode.Parse(stored)!["widgets"]!.AsArray().Should().Contain(w => w!["properties"]!["markdown"] != null && w["properties"]!["markdown"]!.GetValue<string>().Contains("neuron-cw cost estimate"));
    }

    [Fact]
    public async Task DashboardPrinted_PutWithAwsCli_IsAcceptedAndReadBack()
    {
        string name = "neuron-cw-cli-" + Guid.NewGuid().ToString("N")[..12];
        var printed = await NeuronCwProcess.RunAsync(["dashboard", "--name", name, "--region", CloudWatchReadback.Region], "");
        printed.ExitCode.Should().Be(0, printed.ToString());

        var (exit, error) = await AwsCli.CloudWatchAsync(moto.Url, "put-dashboard", printed.Stdout);

        exit.Should().Be(0, error);
        (await MotoReadback.DashboardBodyAsync(moto.Url, name)).Should().Be(Body(printed.Stdout));
    }

    [Fact]
    public async Task AlarmsPut_TwiceThenDescribeAlarms_SameAlarmsAsPrintedOnceEach()
    {
        string instance = "i-" + Guid.NewGuid().ToString("N")[..17];
        string[] common =
        [
            "alarms", "-c", RepositoryFiles.At("samples/monitor-all-groups.conf"), "--instance-average", "--instance-id", instance,
            "--alarm-action", "arn:aws:automate:ap-northeast-1:ec2:stop", "--alarm-action", "arn:aws:sns:ap-northeast-1:123456789012:neuron", .. Moto(),
        ];

        var printed = await NeuronCwProcess.RunAsync(common, "");
        var first = await NeuronCwProcess.RunAsync([.. common, "--put"], "", MotoServerEndToEndTests.DummyCredentials());
        var second = await NeuronCwProcess.RunAsync([.. common, "--put", "--idle-below", "7"], "", MotoServerEndToEndTests.DummyCredentials());

        printed.ExitCode.Should().Be(0, printed.ToString());
        first.ExitCode.Should().Be(0, first.ToString());
        second.ExitCode.Should().Be(0, second.ToString());
        var stored = await MotoReadback.AlarmsAsync(moto.Url, $"neuron-cw/{instance}/");
        var expected = printed.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        stored.Select(a => a.GetProperty("AlarmName").GetString()).Should().BeEquivalentTo(expected.Select(a => a.GetProperty("AlarmName").GetString()), "a second run updates the same alarms");
        expected.Should().HaveCount(4, "idle, stopped reporting, ECC and execution errors with every group enabled");
        foreach (var alarm in expected)
        {
            var held = stored.Single(a => a.GetProperty("AlarmName").GetString() == alarm.GetProperty("AlarmName").GetString());
            ShouldMatch(held, alarm, ignoreThreshold: alarm.GetProperty("AlarmName").GetString()!.EndsWith("/idle", StringComparison.Ordinal));
        }

        stored.Single(a => a.GetProperty("AlarmName").GetString()!.EndsWith("/idle", StringComparison.Ordinal)).GetProperty("Threshold").GetDouble().Should().Be(7, "the second --put updated it");
    }

    [Fact]
    public async Task AlarmsPrinted_PutWithAwsCli_AreAcceptedAndReadBack()
    {
        string instance = "i-" + Guid.NewGuid().ToString("N")[..17];
        var printed = await NeuronCwProcess.RunAsync(
            ["alarms", "-c", RepositoryFiles.At("samples/monitor-all-groups.conf"), "--instance-average", "--dimensions", "InstanceId,RuntimeTag", "--instance-id", instance], "");
        printed.ExitCode.Should().Be(0, printed.ToString());

        foreach (string line in printed.StdoutLines)
        {
            var (exit, error) = await AwsCli.CloudWatchAsync(moto.Url, "put-metric-alarm", line);
            exit.Should().Be(0, error);
        }

        var stored = await MotoReadback.AlarmsAsync(moto.Url, $"neuron-cw/{instance}/");
        stored.Should().HaveCount(printed.StdoutLines.Count);
        foreach (string line in printed.StdoutLines)
        {
            var alarm = JsonDocument.Parse(line).RootElement;
            ShouldMatch(stored.Single(a => a.GetProperty("AlarmName").GetString() == alarm.GetProperty("AlarmName").GetString()), alarm, ignoreThreshold: false);
        }
    }

    [Fact]
    public async Task Alarms_RunDoesNotSendInstanceAverage_Exit2NamingTheFlag()
    {
        var result = await NeuronCwProcess.RunAsync(["alarms", "--instance-id", "i-0abc"], "");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain("NeuronCoreUtilizationAverage").And.Contain("add --instance-average");
    }

    /// <param name="stored">As DescribeAlarms gives it.</param>
    /// <param name="printed">As neuron-cw printed it.</param>
    /// <param name="ignoreThreshold">The alarm was put again with another threshold (which its description names).</param>
    private static void ShouldMatch(JsonElement stored, JsonElement printed, bool ignoreThreshold)
    {
        if (!ignoreThreshold)
        {
            stored.GetProperty("Threshold").GetDouble().Should().Be(printed.GetProperty("Threshold").GetDouble());
            stored.GetProperty("AlarmDescription").GetString().Should().Be(printed.GetProperty("AlarmDescription").GetString());
        }

        foreach (string field in new[] { "ComparisonOperator", "TreatMissingData", "MetricName", "Namespace", "Statistic" })
        {
            if (printed.TryGetProperty(field, out var value))
            {
                stored.GetProperty(field).GetString().Should().Be(value.GetString(), field);
            }
        }

        foreach (string field in new[] { "EvaluationPeriods", "DatapointsToAlarm", "Period" })
        {
            if (printed.TryGetProperty(field, out var value))
            {
                stored.GetProperty(field).GetInt32().Should().Be(value.GetInt32(), field);
            }
        }

        stored.GetProperty("AlarmActions").EnumerateArray().Select(a => a.GetString()).Should().Equal(printed.GetProperty("AlarmActions").EnumerateArray().Select(a => a.GetString()));
        if (printed.TryGetProperty("Dimensions", out var dimensions))
        {
            JsonNode.DeepEquals(JsonNode.Parse(stored.GetProperty("Dimensions").GetRawText()), JsonNode.Parse(dimensions.GetRawText())).Should().BeTrue(stored.GetProperty("Dimensions").GetRawText());
        }

        if (printed.TryGetProperty("Metrics", out var metrics))
        {
            stored.GetProperty("Metrics")[0].GetProperty("Expression").GetString().Should().Be(metrics[0].GetProperty("Expression").GetString());
            stored.GetProperty("Metrics")[0].GetProperty("Period").GetInt32().Should().Be(metrics[0].GetProperty("Period").GetInt32());
        }
    }

    private static string Body(string document) => JsonDocument.Parse(document).RootElement.GetProperty("DashboardBody").GetString()!;

    private string[] Moto() => ["--endpoint-url", moto.Url, "--region", CloudWatchReadback.Region];

    private static string UniqueNamespace() => "NeuronSeeIt/" + Guid.NewGuid().ToString("N");
}
