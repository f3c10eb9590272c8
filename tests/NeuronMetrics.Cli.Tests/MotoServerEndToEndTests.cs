using System.Diagnostics;
using System.Text;
using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests;

/// <summary>
/// <c>neuron-cw</c> sending for real to moto_server, read back with ListMetrics and
/// GetMetricStatistics and compared with the input. Every test writes to its own namespace.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoServerEndToEndTests(MotoServerFixture moto)
{
    /// <summary>moto parses a Query-protocol PutMetricData in time quadratic in its size: ~4 s for 1000 datums.</summary>
    private static readonly TimeSpan SlowMotoRun = TimeSpan.FromSeconds(90);

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (string sample in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "samples"), "*.jsonl").Order())
        {
            data.Add(Path.GetFileName(sample));
        }

        return data;
    }

    internal static Dictionary<string, string?> DummyCredentials() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_SESSION_TOKEN"] = "testing",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Send_Sample_MotoHoldsTheInputsCountsSumsMinimaAndMaxima(string sample)
    {
        string path = RepositoryFiles.Sample(sample);
        string metricNamespace = UniqueNamespace();

        var result = await NeuronCwProcess.RunAsync(
            ["--endpoint-url", moto.Url, "--region", CloudWatchReadback.Region, "--namespace", metricNamespace, "--config", RepositoryFiles.At("monitor.conf")],
            File.ReadAllBytes(path),
            DummyCredentials());

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().BeEmpty("nothing but dry runs writes to stdout");
        var summary = SummaryLine.Parse(result);
        summary["dropped"].Should().Be(0);
        summary["sent"].Should().Be(summary["datums"]);
        await ShouldHoldAsync(metricNamespace, SampleExpectations.FromFile(path));
    }

    [Fact]
    public async Task Send_MoreThan1000DatumsInOneFlush_SplitsIntoRequestsOf1000AndAllArrive()
    {
        // One datum per sample (--aggregation none): 251 reports × 4 cores = 1004 datums, flushed together at end of input.
        var lines = File.ReadAllLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl"));
        var reports = Enumerable.Range(0, 251).Select(i => lines[i % lines.Length]).ToList();
        string metricNamespace = UniqueNamespace();

        var result = await NeuronCwProcess.RunAsync(
            ["--endpoint-url", moto.Url, "--region", CloudWatchReadback.Region, "--namespace", metricNamespace, "--aggregation", "none", "--shutdown-timeout", "60s"],
            string.Join('\n', reports) + "\n",
            DummyCredentials(),
            SlowMotoRun);

        result.ExitCode.Should().Be(0, result.ToString());
        var summary = SummaryLine.Parse(result);
        summary["datums"].Should().Be(1004);
        summary["requests"].Should().Be(2, "1000 datums per request at most");
        summary["sent"].Should().Be(1004);
        await ShouldHoldAsync(metricNamespace, SampleExpectations.FromLines(reports));
    }

    [Fact]
    public async Task Send_LargeBody_IsGzipCompressedAndAccepted()
    {
        // moto 5.2.1 decompresses Content-Encoding: gzip Query requests, so compression stays on (the default)
        // and the relay proves the body really went out compressed.
        var lines = File.ReadAllLines(RepositoryFiles.Sample("trn1.32xlarge-two-runtimes.jsonl"));
        var reports = lines.Take(3).ToList(); // 96 datums: a Query body well over the 10240-byte compression threshold
        string metricNamespace = UniqueNamespace();
        await using var relay = new RecordingTcpProxy(new Uri(moto.Url));

        var result = await NeuronCwProcess.RunAsync(
            ["--endpoint-url", relay.Url, "--region", CloudWatchReadback.Region, "--namespace", metricNamespace, "--aggregation", "none", "--shutdown-timeout", "60s"],
            string.Join('\n', reports) + "\n",
            DummyCredentials(),
            SlowMotoRun);

        result.ExitCode.Should().Be(0, result.ToString());
        string sent = Encoding.Latin1.GetString(relay.SentBytes());
        sent.Should().MatchRegex("(?im)^Content-Encoding: gzip\r$");
        sent.Should().NotContain("MetricData.member.1.", "the Query body went out compressed");
        SummaryLine.Parse(result)["sent"].Should().Be(96);
        await ShouldHoldAsync(metricNamespace, SampleExpectations.FromLines(reports));
    }

    [Fact]
    public async Task DryRunOutput_SentWithAwsCli_IsAcceptedAsCliInputJson()
    {
        // The strongest check of the dry-run shape: the aws CLI validates --cli-input-json against the API model.
        string path = RepositoryFiles.Sample("inf2.xlarge-newer-fields.jsonl");
        string metricNamespace = UniqueNamespace();
        var dryRun = await NeuronCwProcess.RunAsync(["--dry-run", "--namespace", metricNamespace], File.ReadAllBytes(path));
        dryRun.ExitCode.Should().Be(0, dryRun.ToString());

        foreach (string request in dryRun.StdoutLines)
        {
            string file = Path.GetTempFileName();
            try
            {
                await File.WriteAllTextAsync(file, request);
                var startInfo = new ProcessStartInfo("aws")
                {
                    ArgumentList = { "cloudwatch", "put-metric-data", "--cli-input-json", "file://" + file, "--endpoint-url", moto.Url, "--region", CloudWatchReadback.Region },
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                };
                foreach (var (name, value) in DummyCredentials())
                {
                    startInfo.Environment[name] = value;
                }

                using var aws = Process.Start(startInfo)!;
                string error = await aws.StandardError.ReadToEndAsync();
                await aws.WaitForExitAsync();
                aws.ExitCode.Should().Be(0, error);
            }
            finally
            {
                File.Delete(file);
            }
        }

        await ShouldHoldAsync(metricNamespace, SampleExpectations.FromFile(path));
    }

    private async Task ShouldHoldAsync(string metricNamespace, SampleExpectations expected)
    {
        var stored = await CloudWatchReadback.ReadAsync(moto.Url, metricNamespace);
        stored.Should().OnlyContain(m => m.MetricName == "NeuronCoreUtilization" && m.Units.SequenceEqual(new[] { "Percent" }));
        stored.Select(m => m.Core).Should().BeEquivalentTo(expected.Values.Keys);
        foreach (var metric in stored)
        {
            metric.ShouldMatch(expected.Values[metric.Core]);
        }
    }

    private static string UniqueNamespace() => "NeuronE2E/" + Guid.NewGuid().ToString("N");
}
